/* bt-application.c: the Bitext application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bitext-resources.h"
#include "bt-application.h"
#include "bt-window.h"

struct _BtApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (BtApplication, bt_application, ADW_TYPE_APPLICATION)

void
bt_gui_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      bitext_register_resource ();
      g_once_init_leave (&done, 1);
    }
}

static BtWindow *
new_window (BtApplication *self)
{
  BtWindow *window = bt_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
bt_application_activate (GApplication *application)
{
  bt_window_open_sample (new_window (BT_APPLICATION (application)));
}

static void
bt_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  BtApplication *self = BT_APPLICATION (application);

  /* Two files are a source and its target; others open one window each. */
  if (n_files == 2)
    {
      bt_window_open_files (new_window (self), files, 2);
      return;
    }
  for (int i = 0; i < n_files; i++)
    bt_window_open_files (new_window (self), &files[i], 1);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { _("The Bitext authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "application-name", _("Bitext"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Review condensed Chinese–English translations"),
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Dictionary"),
                                      _("CC-CEDICT, by MDBG and its contributors"),
                                      GTK_LICENSE_CUSTOM,
                                      _("Creative Commons Attribution-ShareAlike 4.0 International "
                                        "(CC BY-SA 4.0)"));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *application = user_data;
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (application));

  /* Each window asks about its own unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
};

static void
bt_application_startup (GApplication *application)
{
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (bt_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
bt_application_class_init (BtApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = bt_application_activate;
  app_class->open = bt_application_open;
  app_class->startup = bt_application_startup;
}

static void
bt_application_init (BtApplication *self)
{
}

BtApplication *
bt_application_new (void)
{
  bt_gui_init ();
  return g_object_new (BT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/bitext/Bitext",
                       NULL);
}
