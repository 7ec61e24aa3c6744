/* bt-preferences-window.c: the reviewer's settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-preferences-window.h"

struct _BtPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;
  GtkWidget           *dictionary_row;
};

G_DEFINE_FINAL_TYPE (BtPreferencesWindow, bt_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static GtkWidget *
spin_row (GSettings  *settings,
          const char *key,
          const char *title,
          const char *subtitle,
          double      min,
          double      max,
          double      step,
          guint       digits)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_settings_bind (settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  return row;
}

static void
reviewer_apply_cb (AdwEntryRow         *row,
                   BtPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "reviewer-name", gtk_editable_get_text (GTK_EDITABLE (row)));
}

static GtkWidget *
review_group (BtPreferencesWindow *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *reviewer = adw_entry_row_new ();
  g_autofree char *name = g_settings_get_string (self->settings, "reviewer-name");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Review"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (reviewer), _("Reviewer name"));
  gtk_editable_set_text (GTK_EDITABLE (reviewer), name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (reviewer), TRUE);
  g_signal_connect_object (reviewer, "apply", G_CALLBACK (reviewer_apply_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), reviewer);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (self->settings, "threshold", _("Pass threshold"),
                                       _("Highest omission score per 1,000 characters that "
                                         "passes; for new reviews"),
                                       0, 1000, 0.5, 1));
  return group;
}

static void
show_dictionary (BtPreferencesWindow *self)
{
  g_autofree char *path = g_settings_get_string (self->settings, "dictionary-path");

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->dictionary_row),
                               path[0] != '\0' ? path : _("The dictionary installed with Bitext"));
}

static void
dictionary_chosen_cb (GtkNativeDialog     *dialog,
                      int                  response,
                      BtPreferencesWindow *self)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

  if (response == GTK_RESPONSE_ACCEPT && path != NULL)
    g_settings_set_string (self->settings, "dictionary-path", path);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_dictionary_cb (BtPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a CC-CEDICT Dictionary"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (dictionary_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reset_dictionary_cb (BtPreferencesWindow *self)
{
  g_settings_reset (self->settings, "dictionary-path");
}

static GtkWidget *
aligner_group (BtPreferencesWindow *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("_Choose…"));
  GtkWidget *reset = gtk_button_new_from_icon_name ("edit-clear-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Pre-alignment"));
  self->dictionary_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->dictionary_row), _("Dictionary file"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (reset, _("Use the installed dictionary"));
  gtk_widget_add_css_class (reset, "flat");
  g_signal_connect_object (choose, "clicked", G_CALLBACK (choose_dictionary_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (reset, "clicked", G_CALLBACK (reset_dictionary_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->dictionary_row), choose);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->dictionary_row), reset);
  g_signal_connect_object (self->settings, "changed::dictionary-path",
                           G_CALLBACK (show_dictionary), self, G_CONNECT_SWAPPED);
  show_dictionary (self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->dictionary_row);
  return group;
}

static gboolean
scheme_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (nick, "light") ? 1 : g_str_equal (nick, "dark") ? 2 : 0);
  return TRUE;
}

static GVariant *
index_to_scheme (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  static const char *nicks[] = { "default", "light", "dark" };

  return g_variant_new_string (nicks[MIN (g_value_get_uint (value), 2)]);
}

static GtkWidget *
appearance_group (BtPreferencesWindow *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *scheme = adw_combo_row_new ();
  const char *schemes[] = { _("Follow the system"), _("Light"), _("Dark"), NULL };
  g_autoptr (GtkStringList) list = gtk_string_list_new (schemes);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Appearance"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (self->settings, "font-scale", _("Text size"),
                                       _("Relative to the normal size"), 0.5, 3.0, 0.1, 1));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (scheme), _("Style"));
  adw_combo_row_set_model (ADW_COMBO_ROW (scheme), G_LIST_MODEL (list));
  g_settings_bind_with_mapping (self->settings, "color-scheme", scheme, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_index, index_to_scheme, NULL,
                                NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), scheme);
  return group;
}

static void
bt_preferences_window_dispose (GObject *object)
{
  BtPreferencesWindow *self = BT_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bt_preferences_window_parent_class)->dispose (object);
}

static void
bt_preferences_window_class_init (BtPreferencesWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bt_preferences_window_dispose;
}

static void
bt_preferences_window_init (BtPreferencesWindow *self)
{
}

GtkWidget *
bt_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  BtPreferencesWindow *self;
  GtkWidget *page = adw_preferences_page_new ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (BT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE,
                       "search-enabled", FALSE, NULL);
  self->settings = g_object_ref (settings);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (review_group (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (appearance_group (self)));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (aligner_group (self)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  return GTK_WIDGET (self);
}
