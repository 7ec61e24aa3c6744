/* bt-window-details.c: the details sidebar and the flag popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-line-row.h"
#include "bt-window-private.h"

static const char *
category_label (BtCategory category)
{
  switch (category)
    {
    case BT_CATEGORY_CONDENSATION:
      return _("Condensation");
    case BT_CATEGORY_SUBSTANTIVE:
      return _("Substantive");
    case BT_CATEGORY_DETAIL:
      return _("Detail");
    case BT_CATEGORY_ATTRIBUTION:
      return _("Attribution");
    case BT_CATEGORY_OTHER:
    default:
      return _("Other");
    }
}

static const char *
severity_label (BtSeverity severity)
{
  switch (severity)
    {
    case BT_SEVERITY_NEUTRAL:
      return _("Neutral");
    case BT_SEVERITY_MINOR:
      return _("Minor");
    case BT_SEVERITY_MAJOR:
      return _("Major");
    case BT_SEVERITY_CRITICAL:
    default:
      return _("Critical");
    }
}

static const char *
state_label (BtState state)
{
  switch (state)
    {
    case BT_STATE_SUGGESTED:
      return _("suggested");
    case BT_STATE_ACCEPTED:
      return _("accepted");
    case BT_STATE_REJECTED:
    default:
      return _("rejected");
    }
}

static GtkStringList *
new_category_list (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < BT_N_CATEGORIES; i++)
    gtk_string_list_append (list, category_label (i));
  return list;
}

static GtkStringList *
new_severity_list (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < BT_N_SEVERITIES; i++)
    gtk_string_list_append (list, severity_label (i));
  return list;
}

static GtkStringList *
new_status_list (void)
{
  const char *labels[] = { _("Unreviewed"), _("Reviewed"), _("Needs attention"), NULL };

  return gtk_string_list_new (labels);
}

/* The characters [start, end) of a paragraph, shortened for a title. */
static char *
excerpt (const BtParagraph *p,
         guint              start,
         guint              end)
{
  const char *from = g_utf8_offset_to_pointer (p->text, MIN (start, p->n_chars));
  guint n = MIN (end, p->n_chars) - MIN (start, p->n_chars);

  if (n > 24)
    {
      g_autofree char *head = g_utf8_substring (from, 0, 24);

      return g_strconcat (head, "…", NULL);
    }
  return g_utf8_substring (from, 0, n);
}

/* Sidebar */

static guint
widget_index (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "bt-index"));
}

static void
status_selected_cb (AdwComboRow *row,
                    GParamSpec  *pspec,
                    BtWindow    *self)
{
  bt_review_set_status (self->review, widget_index (GTK_WIDGET (row)),
                        adw_combo_row_get_selected (row));
}

static void
note_apply_cb (AdwEntryRow *row,
               BtWindow    *self)
{
  bt_review_set_note (self->review, widget_index (GTK_WIDGET (row)),
                      gtk_editable_get_text (GTK_EDITABLE (row)));
}

static GtkWidget *
paragraph_group (BtWindow *self,
                 guint     paragraph)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_strdup_printf (_("Paragraph %u"), paragraph + 1);
  g_autoptr (GtkStringList) statuses = new_status_list ();
  GtkWidget *status = adw_combo_row_new ();
  GtkWidget *note = adw_entry_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (status), _("Status"));
  adw_combo_row_set_model (ADW_COMBO_ROW (status), G_LIST_MODEL (statuses));
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), bt_review_get_status (self->review, paragraph));
  g_object_set_data (G_OBJECT (status), "bt-index", GUINT_TO_POINTER (paragraph));
  g_signal_connect_object (status, "notify::selected", G_CALLBACK (status_selected_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), _("Note"));
  gtk_editable_set_text (GTK_EDITABLE (note), bt_review_get_note (self->review, paragraph));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (note), TRUE);
  g_object_set_data (G_OBJECT (note), "bt-index", GUINT_TO_POINTER (paragraph));
  g_signal_connect_object (note, "apply", G_CALLBACK (note_apply_cb), self, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), note);
  return group;
}

static void
link_state_cb (GtkButton *button,
               BtWindow  *self)
{
  guint sentence = widget_index (GTK_WIDGET (button));
  BtState state = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bt-state"));

  bt_review_set_link_state (self->review, _bt_window_get_paragraph (self), sentence, state);
}

static GtkWidget *
state_button (BtWindow   *self,
              const char *icon_name,
              const char *tooltip,
              guint       index,
              BtState     state,
              GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "bt-index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "bt-state", GUINT_TO_POINTER (state));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static void
add_decision_buttons (BtWindow  *self,
                      GtkWidget *row,
                      guint      index,
                      BtState    state,
                      GCallback  callback)
{
  if (state != BT_STATE_ACCEPTED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               state_button (self, "object-select-symbolic", _("Accept"), index,
                                             BT_STATE_ACCEPTED, callback));
  if (state != BT_STATE_REJECTED)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               state_button (self, "window-close-symbolic", _("Reject"), index,
                                             BT_STATE_REJECTED, callback));
}

static GtkWidget *
links_group (BtWindow *self,
             guint     paragraph)
{
  GtkWidget *group = adw_preferences_group_new ();
  BtDocument *target = bt_review_get_target (self->review);
  const guint *links;
  guint n_links;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Links"));
  links = bt_review_get_paragraph_links (self->review, paragraph, &n_links);
  if (n_links == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No English sentence renders this paragraph."));
  for (guint i = 0; i < n_links; i++)
    {
      const BtLink *link = bt_review_get_link (self->review, links[i]);
      g_autofree char *text = bt_document_dup_sentence_text (target, link->sentence);
      g_autofree char *title = g_markup_escape_text (text, -1);
      g_autofree char *subtitle = g_strdup_printf (_("Sentence %u · %.0f%% · %s"),
                                                   link->sentence + 1, 100 * link->confidence,
                                                   state_label (link->state));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      add_decision_buttons (self, row, link->sentence, link->state, G_CALLBACK (link_state_cb));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
omission_changed_cb (GtkWidget  *widget,
                     GParamSpec *pspec,
                     BtWindow   *self)
{
  GtkWidget *group = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);
  guint id = widget_index (group);
  AdwComboRow *category = g_object_get_data (G_OBJECT (group), "bt-category");
  AdwComboRow *severity = g_object_get_data (G_OBJECT (group), "bt-severity");
  GtkEditable *comment = g_object_get_data (G_OBJECT (group), "bt-comment");

  bt_review_update_omission (self->review, id, adw_combo_row_get_selected (category),
                             adw_combo_row_get_selected (severity), gtk_editable_get_text (comment));
}

static void
omission_apply_cb (GtkWidget *row,
                   BtWindow  *self)
{
  omission_changed_cb (row, NULL, self);
}

static void
omission_state_cb (GtkButton *button,
                   BtWindow  *self)
{
  BtState state = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "bt-state"));

  bt_review_set_omission_state (self->review, widget_index (GTK_WIDGET (button)), state);
}

static void
omission_remove_cb (GtkButton *button,
                    BtWindow  *self)
{
  bt_review_remove_omission (self->review, widget_index (GTK_WIDGET (button)));
}

static GtkWidget *
combo_row (const char    *title,
           GtkStringList *model,
           guint          selected)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  return row;
}

static GtkWidget *
omission_group (BtWindow         *self,
                const BtOmission *o)
{
  const BtParagraph *p = bt_document_get_paragraph (bt_review_get_source (self->review), o->paragraph);
  g_autofree char *text = excerpt (p, o->start, o->end);
  g_autofree char *title = g_strdup_printf (_("Omitted: “%s”"), text);
  g_autofree char *description = g_strdup_printf (_("Characters %u–%u · %s"), o->start + 1, o->end,
                                                  state_label (o->state));
  g_autoptr (GtkStringList) categories = new_category_list ();
  g_autoptr (GtkStringList) severities = new_severity_list ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *category = combo_row (_("Category"), categories, o->category);
  GtkWidget *severity = combo_row (_("Severity"), severities, o->severity);
  GtkWidget *comment = adw_entry_row_new ();
  GtkWidget *remove = state_button (self, "user-trash-symbolic", _("Remove"), o->id, 0,
                                    G_CALLBACK (omission_remove_cb));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), remove);
  g_object_set_data (G_OBJECT (group), "bt-index", GUINT_TO_POINTER (o->id));
  g_object_set_data (G_OBJECT (group), "bt-category", category);
  g_object_set_data (G_OBJECT (group), "bt-severity", severity);
  g_object_set_data (G_OBJECT (group), "bt-comment", comment);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (comment), _("Comment"));
  gtk_editable_set_text (GTK_EDITABLE (comment), o->comment);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (comment), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), category);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), severity);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), comment);
  g_signal_connect_object (category, "notify::selected", G_CALLBACK (omission_changed_cb), self, 0);
  g_signal_connect_object (severity, "notify::selected", G_CALLBACK (omission_changed_cb), self, 0);
  g_signal_connect_object (comment, "apply", G_CALLBACK (omission_apply_cb), self, 0);
  if (o->state == BT_STATE_SUGGESTED)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Suggested by the aligner"));
      add_decision_buttons (self, row, o->id, o->state, G_CALLBACK (omission_state_cb));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
fill_details (BtWindow *self)
{
  guint paragraph = _bt_window_get_paragraph (self);
  g_autoptr (GArray) omissions = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->details_box))) != NULL)
    gtk_box_remove (self->details_box, child);
  if (self->review == NULL || paragraph == GTK_INVALID_LIST_POSITION)
    {
      GtkWidget *hint = gtk_label_new (_("Select a paragraph to see its links and omissions."));

      gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
      gtk_widget_add_css_class (hint, "dim-label");
      gtk_box_append (self->details_box, hint);
      return;
    }
  gtk_box_append (self->details_box, paragraph_group (self, paragraph));
  gtk_box_append (self->details_box, links_group (self, paragraph));
  omissions = bt_review_list_paragraph_omissions (self->review, paragraph);
  for (guint i = 0; omissions != NULL && i < omissions->len; i++)
    gtk_box_append (self->details_box,
                    omission_group (self, bt_review_get_omission (
                                            self->review, g_array_index (omissions, guint, i))));
}

static gboolean
details_idle_cb (gpointer user_data)
{
  BtWindow *self = user_data;

  self->details_idle_id = 0;
  fill_details (self);
  return G_SOURCE_REMOVE;
}

void
_bt_window_update_details (BtWindow *self)
{
  /* Rows that changed the review are still in their handlers: rebuild
   * afterwards. */
  if (self->details_idle_id == 0)
    self->details_idle_id = g_idle_add (details_idle_cb, self);
}

/* Flag popover */

static GtkWidget *
labelled (GtkWidget  *grid,
          int         row,
          const char *label,
          GtkWidget  *widget)
{
  GtkWidget *title = gtk_label_new_with_mnemonic (label);

  gtk_label_set_xalign (GTK_LABEL (title), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (title), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (GTK_GRID (grid), title, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), widget, 1, row, 1, 1);
  return widget;
}

static void
build_flag_popover (BtWindow *self)
{
  g_autoptr (GtkStringList) categories = new_category_list ();
  g_autoptr (GtkStringList) severities = new_severity_list ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Flag"));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  self->flag_category = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (categories)), NULL));
  self->flag_severity = GTK_DROP_DOWN (gtk_drop_down_new (g_object_ref (G_LIST_MODEL (severities)), NULL));
  self->flag_comment = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_activates_default (self->flag_comment, TRUE);
  labelled (grid, 0, _("_Category"), GTK_WIDGET (self->flag_category));
  labelled (grid, 1, _("_Severity"), GTK_WIDGET (self->flag_severity));
  labelled (grid, 2, _("C_omment"), GTK_WIDGET (self->flag_comment));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.flag-confirm");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_grid_attach (GTK_GRID (grid), button, 0, 3, 2, 1);

  self->flag_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->flag_popover), grid);
  gtk_popover_set_default_widget (GTK_POPOVER (self->flag_popover), button);
  gtk_widget_set_parent (self->flag_popover, GTK_WIDGET (self->source_scroller));
}

static void
point_at_row (BtWindow *self,
              guint     paragraph)
{
  GtkWidget *row = _bt_window_find_row (self, BT_SIDE_SOURCE, paragraph);
  GtkWidget *parent = GTK_WIDGET (self->source_scroller);
  GdkRectangle rect = { gtk_widget_get_width (parent) / 2, 0, 1, 1 };
  double x, y;

  if (row != NULL && gtk_widget_translate_coordinates (row, parent, 0, 0, &x, &y))
    {
      rect.y = MAX (0, (int) y);
      rect.height = MAX (1, MIN (gtk_widget_get_height (row),
                                 gtk_widget_get_height (parent) - rect.y));
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->flag_popover), &rect);
}

void
_bt_window_flag (BtWindow *self,
                 guint     start,
                 guint     end)
{
  guint paragraph = _bt_window_get_paragraph (self);

  g_return_if_fail (self->review != NULL && paragraph != GTK_INVALID_LIST_POSITION);

  if (self->flag_popover == NULL)
    build_flag_popover (self);
  self->flag_paragraph = paragraph;
  self->flag_start = start;
  self->flag_end = end;
  gtk_drop_down_set_selected (self->flag_category, BT_CATEGORY_CONDENSATION);
  gtk_drop_down_set_selected (self->flag_severity, BT_SEVERITY_MINOR);
  gtk_editable_set_text (GTK_EDITABLE (self->flag_comment), "");
  point_at_row (self, paragraph);
  gtk_popover_popup (GTK_POPOVER (self->flag_popover));
  gtk_widget_grab_focus (GTK_WIDGET (self->flag_category));
}
