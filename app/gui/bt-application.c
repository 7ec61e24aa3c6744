/* bt-application.c: the Bitext application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "bitext-resources.h"
#include "bt-application.h"
#include "bt-preferences-window.h"
#include "bt-window.h"
#include "bt-window-autosave.h"

struct _BtApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings; /* NULL when the schema is not installed */
  GtkCssProvider *text_size;
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

/* A window shows when its files have been read, so that its first frame
 * is the review's rather than a loading page's; slow files get the
 * loading page after a moment. */
#define SHOW_AFTER_MS 250
#define RECOVERY_KEY  "bt-offer-recovery"

static void
show_window (BtWindow *window)
{
  if (gtk_widget_get_visible (GTK_WIDGET (window)) ||
      gtk_window_get_application (GTK_WINDOW (window)) == NULL)
    return;
  gtk_window_present (GTK_WINDOW (window));
  if (g_object_get_data (G_OBJECT (window), RECOVERY_KEY) != NULL)
    bt_window_offer_recovery (window);
}

static gboolean
show_later_cb (gpointer user_data)
{
  show_window (user_data);
  return G_SOURCE_REMOVE;
}

static void
show_when_read (BtWindow *window,
                gboolean  offer_recovery)
{
  g_object_set_data (G_OBJECT (window), RECOVERY_KEY, GINT_TO_POINTER (offer_recovery));
  g_signal_connect (window, "notify::review", G_CALLBACK (show_window), NULL);
  g_timeout_add_full (G_PRIORITY_DEFAULT, SHOW_AFTER_MS, show_later_cb, g_object_ref (window),
                      g_object_unref);
}

static void
bt_application_activate (GApplication *application)
{
  BtWindow *window = bt_window_new (GTK_APPLICATION (application));

  bt_window_open_sample (window);
  show_when_read (window, TRUE);
}

static void
bt_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  BtWindow *window;

  /* Two files are a source and its target; others open one window each. */
  if (n_files == 2)
    {
      window = bt_window_new (GTK_APPLICATION (application));
      bt_window_open_files (window, files, 2);
      show_when_read (window, TRUE);
      return;
    }
  for (int i = 0; i < n_files; i++)
    {
      window = bt_window_new (GTK_APPLICATION (application));
      bt_window_open_files (window, &files[i], 1);
      show_when_read (window, i == 0);
    }
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

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  BtApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->settings == NULL)
    return;
  gtk_window_present (GTK_WINDOW (bt_preferences_window_new (parent, self->settings)));
}

static void
apply_color_scheme (BtApplication *self)
{
  g_autofree char *nick = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (nick, "light"))
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (nick, "dark"))
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static void
apply_text_size (BtApplication *self)
{
  g_autofree char *css = NULL;
  char scale[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (scale, sizeof scale, g_settings_get_double (self->settings, "font-scale"));
  css = g_strdup_printf (".bitext-lines btlinerow .text { font-size: %sem; }", scale);
  gtk_css_provider_load_from_data (self->text_size, css, -1);
}

static void
watch_settings (BtApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return;
  self->settings = g_settings_new_full (schema, NULL, NULL);
  self->text_size = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->text_size),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::font-scale", G_CALLBACK (apply_text_size),
                           self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
  apply_text_size (self);
}

static const GActionEntry app_actions[] = {
  { "about", about_action, NULL, NULL, NULL, { 0 } },
  { "preferences", preferences_action, NULL, NULL, NULL, { 0 } },
  { "quit", quit_action, NULL, NULL, NULL, { 0 } },
};

static void
bt_application_startup (GApplication *application)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (bt_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
  bt_window_set_accels (GTK_APPLICATION (application));
  watch_settings (BT_APPLICATION (application));
}

static void
bt_application_dispose (GObject *object)
{
  BtApplication *self = BT_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->text_size);

  G_OBJECT_CLASS (bt_application_parent_class)->dispose (object);
}

static void
bt_application_class_init (BtApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bt_application_dispose;
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

/* Asked for the cairo renderer, GTK on X11 still loads the GL driver at
 * start-up to choose a visual. Nothing is drawn with GL then, so that
 * load, over a quarter of the start with Mesa's software driver, is
 * skipped. */
static void
skip_unused_gl (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *flags = NULL;

  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0)
    return;
  if (debug != NULL && debug[0] != '\0')
    flags = g_strconcat (debug, ",gl-disable", NULL);
  else
    flags = g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", flags, TRUE);
}

int
bt_application_main (int    argc,
                     char **argv)
{
  g_autoptr (BtApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  skip_unused_gl ();

  application = bt_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
