/* bt-window.c: the review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-line-row.h"
#include "bt-loader.h"
#include "bt-window-autosave.h"
#include "bt-window-errors.h"
#include "bt-window-private.h"

#define SAMPLE_BASE "resource:///io/github/bitext/Bitext/samples/"

G_DEFINE_FINAL_TYPE (BtWindow, bt_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_REVIEW,
  PROP_BUSY,
  PROP_FILE,
  PROP_LOWEST_FIRST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtWindow *
bt_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (BT_TYPE_WINDOW, "application", application, NULL);
}

BtReview *
bt_window_get_review (BtWindow *self)
{
  g_return_val_if_fail (BT_IS_WINDOW (self), NULL);

  return self->review;
}

gboolean
bt_window_get_busy (BtWindow *self)
{
  g_return_val_if_fail (BT_IS_WINDOW (self), FALSE);

  return self->busy > 0;
}

GFile *
bt_window_get_file (BtWindow *self)
{
  g_return_val_if_fail (BT_IS_WINDOW (self), NULL);

  return self->file;
}

void
_bt_window_begin_busy (BtWindow *self)
{
  if (self->busy++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_bt_window_end_busy (BtWindow *self)
{
  g_assert (self->busy > 0);

  if (--self->busy == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_bt_window_toast (BtWindow   *self,
                  const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_bt_window_show_error (BtWindow   *self,
                       const char *message)
{
  if (self->review != NULL)
    {
      _bt_window_toast (self, message);
      return;
    }
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* Titles */

static void
update_title (BtWindow *self)
{
  BtDocument *source, *target;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *mark;

  if (self->review == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Bitext"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }
  source = bt_review_get_source (self->review);
  target = bt_review_get_target (self->review);
  mark = bt_review_get_modified (self->review) ? "• " : "";
  if (self->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);

      title = g_strconcat (mark, name, NULL);
      subtitle = g_strdup_printf ("%s ↔ %s", bt_document_get_name (source),
                                  bt_document_get_name (target));
    }
  else
    {
      title = g_strconcat (mark, bt_document_get_name (source), NULL);
      subtitle = g_strdup (bt_document_get_name (target));
    }
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Status bar */

static void
update_status_bar (BtWindow *self)
{
  BtFigures f;
  g_autofree char *progress = NULL;
  g_autofree char *coverage = NULL;
  g_autofree char *score = NULL;
  double chars;

  if (self->review == NULL)
    return;
  bt_review_get_figures (self->review, &f);
  chars = MAX (f.n_chars, 1);
  progress = g_strdup_printf (_("%u of %u paragraphs reviewed"), f.n_reviewed, f.n_paragraphs);
  coverage = g_strdup_printf (_("Rendered %.0f%% · Omitted %.0f%% · Undecided %.0f%% · %u suggestions"),
                              100.0 * f.n_rendered / chars, 100.0 * f.n_omitted / chars,
                              100.0 * f.n_undecided / chars, f.n_suggestions);
  score = g_strdup_printf (_("Omission score %.1f of %.1f: %s"), f.score, f.threshold,
                           f.pass ? _("pass") : _("fail"));
  gtk_label_set_text (self->status_progress, progress);
  gtk_label_set_text (self->status_coverage, coverage);
  gtk_label_set_text (self->status_score, score);
  if (f.pass)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_score), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->status_score), "error");
}

/* Rows */

GtkWidget *
_bt_window_find_row (BtWindow *self,
                     BtSide    side,
                     guint     index)
{
  GtkWidget *view = GTK_WIDGET (side == BT_SIDE_SOURCE ? self->source_view : self->target_view);

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (row != NULL && BT_IS_LINE_ROW (row) && gtk_widget_get_child_visible (child) &&
          bt_line_row_get_index (BT_LINE_ROW (row)) == index)
        return row;
    }
  return NULL;
}

static void
list_item_selected_cb (GtkListItem *list_item,
                       GParamSpec  *pspec,
                       BtLineRow   *row)
{
  GtkLabel *label = bt_line_row_get_label (row);
  gboolean selected = gtk_list_item_get_selected (list_item);

  /* Only the selected row takes text selections, so that a click
   * elsewhere still selects its row. */
  if (gtk_label_get_selectable (label) == selected)
    return;
  gtk_label_set_selectable (label, selected);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *row = bt_line_row_new ();

  gtk_list_item_set_child (list_item, row);
  g_signal_connect_object (list_item, "notify::selected", G_CALLBACK (list_item_selected_cb), row, 0);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  BtLineRow *row = BT_LINE_ROW (gtk_list_item_get_child (list_item));

  bt_line_row_bind (row, gtk_list_item_get_item (list_item));
  list_item_selected_cb (list_item, NULL, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  bt_line_row_unbind (BT_LINE_ROW (gtk_list_item_get_child (list_item)));
}

static GtkListItemFactory *
new_row_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  return factory;
}

/* Selection */

guint
_bt_window_get_paragraph (BtWindow *self)
{
  if (self->source_selection == NULL)
    return GTK_INVALID_LIST_POSITION;
  return gtk_single_selection_get_selected (self->source_selection);
}

guint
_bt_window_get_sentence (BtWindow *self)
{
  if (self->target_selection == NULL)
    return GTK_INVALID_LIST_POSITION;
  return gtk_single_selection_get_selected (self->target_selection);
}

static void
scroll_to (GtkListView *view,
           guint        position)
{
  gtk_widget_activate_action (GTK_WIDGET (view), "list.scroll-to-item", "u", position);
}

void
_bt_window_select_paragraph (BtWindow *self,
                             guint     paragraph)
{
  if (self->source_selection == NULL)
    return;
  gtk_single_selection_set_selected (self->source_selection, paragraph);
  scroll_to (self->source_view, paragraph);
}

void
_bt_window_select_sentence (BtWindow *self,
                            guint     sentence)
{
  if (self->target_selection == NULL)
    return;
  gtk_single_selection_set_selected (self->target_selection, sentence);
  scroll_to (self->target_view, sentence);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The other side's indices of the live links in @links, sorted. */
static GArray *
linked_indices (BtReview    *review,
                BtSide       side,
                const guint *links,
                guint        n_links)
{
  GArray *indices = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_links; i++)
    {
      const BtLink *link = bt_review_get_link (review, links[i]);
      guint other = side == BT_SIDE_SOURCE ? link->sentence : link->paragraph;

      if (link->state != BT_STATE_REJECTED)
        g_array_append_val (indices, other);
    }
  g_array_sort (indices, compare_uint);
  return indices;
}

static void
follow_links (BtWindow *self,
              BtSide    side,
              guint     index)
{
  BtLineModel *here = side == BT_SIDE_SOURCE ? self->source_model : self->target_model;
  BtLineModel *there = side == BT_SIDE_SOURCE ? self->target_model : self->source_model;
  GtkListView *there_view = side == BT_SIDE_SOURCE ? self->target_view : self->source_view;
  g_autoptr (GArray) others = NULL;
  const guint *links = NULL;
  guint n_links = 0;

  if (index != GTK_INVALID_LIST_POSITION)
    links = side == BT_SIDE_SOURCE ? bt_review_get_paragraph_links (self->review, index, &n_links)
                                   : bt_review_get_sentence_links (self->review, index, &n_links);
  others = linked_indices (self->review, side, links, n_links);
  bt_line_model_set_highlighted (here, NULL, 0);
  bt_line_model_set_highlighted (there, (const guint *) others->data, others->len);
  if (others->len > 0)
    scroll_to (there_view, g_array_index (others, guint, 0));
}

static void
source_selected_cb (BtWindow *self)
{
  follow_links (self, BT_SIDE_SOURCE, _bt_window_get_paragraph (self));
  bt_link_gutter_set_paragraph (self->gutter, _bt_window_get_paragraph (self));
  _bt_window_update_details (self);
  _bt_window_update_actions (self);
}

static void
target_selected_cb (BtWindow *self)
{
  follow_links (self, BT_SIDE_TARGET, _bt_window_get_sentence (self));
  _bt_window_update_actions (self);
}

/* Review signals */

static void
paragraph_changed_cb (BtWindow *self,
                      guint     paragraph)
{
  bt_line_model_refresh (self->source_model, paragraph);
  if (paragraph == _bt_window_get_paragraph (self))
    {
      follow_links (self, BT_SIDE_SOURCE, paragraph);
      _bt_window_update_details (self);
    }
}

static void
sentence_changed_cb (BtWindow *self,
                     guint     sentence)
{
  bt_line_model_refresh (self->target_model, sentence);
}

static void
review_changed_cb (BtWindow *self)
{
  self->n_changes++;
  update_status_bar (self);
  update_title (self);
  _bt_window_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->gutter));
}

static void
structure_changed_cb (BtWindow *self)
{
  guint paragraph = _bt_window_get_paragraph (self);
  g_autoptr (BtReview) review = g_object_ref (self->review);
  g_autoptr (GFile) file = self->file != NULL ? g_object_ref (self->file) : NULL;

  self->structure_serial++;
  _bt_window_set_review (self, review, file);
  if (paragraph != GTK_INVALID_LIST_POSITION)
    _bt_window_select_paragraph (self, paragraph);
}

static void
disconnect_review (BtWindow *self)
{
  if (self->review == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->review, self);
  gtk_list_view_set_model (self->source_view, NULL);
  gtk_list_view_set_model (self->target_view, NULL);
  bt_link_gutter_set_review (self->gutter, NULL);
  g_clear_object (&self->source_selection);
  g_clear_object (&self->target_selection);
  g_clear_object (&self->source_model);
  g_clear_object (&self->target_model);
  g_clear_object (&self->review);
}

static GtkSingleSelection *
new_selection (BtLineModel *model)
{
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (model)));

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  return selection;
}

static void
connect_review (BtWindow *self)
{
  g_signal_connect_object (self->review, "paragraph-changed", G_CALLBACK (paragraph_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review, "sentence-changed", G_CALLBACK (sentence_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review, "structure-changed", G_CALLBACK (structure_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review, "changed", G_CALLBACK (review_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->review, "notify::modified", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
}

static void
set_reviewer (BtWindow *self)
{
  g_autofree char *name = NULL;

  if (self->settings != NULL)
    name = g_settings_get_string (self->settings, "reviewer-name");
  if (name == NULL || name[0] == '\0')
    {
      g_free (name);
      name = g_strdup (g_get_real_name ());
    }
  bt_review_set_reviewer (self->review, name);
}

void
_bt_window_set_review (BtWindow *self,
                       BtReview *review,
                       GFile    *file)
{
  g_assert (BT_IS_REVIEW (review));

  disconnect_review (self);
  self->review = g_object_ref (review);
  g_set_object (&self->file, file);
  set_reviewer (self);

  self->source_model = bt_line_model_new (review, BT_SIDE_SOURCE);
  self->target_model = bt_line_model_new (review, BT_SIDE_TARGET);
  self->source_selection = new_selection (self->source_model);
  self->target_selection = new_selection (self->target_model);
  g_signal_connect_object (self->source_selection, "notify::selected",
                           G_CALLBACK (source_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_selection, "notify::selected",
                           G_CALLBACK (target_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->source_view, GTK_SELECTION_MODEL (self->source_selection));
  gtk_list_view_set_model (self->target_view, GTK_SELECTION_MODEL (self->target_selection));
  bt_link_gutter_set_review (self->gutter, review);
  connect_review (self);

  gtk_stack_set_visible_child_name (self->stack, "review");
  review_changed_cb (self);
  _bt_window_update_details (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  _bt_window_autosave_attach (self);
}

/* Opening */

static gboolean
remember_cb (gpointer user_data)
{
  GPtrArray *files = user_data;
  GtkRecentManager *recent = gtk_recent_manager_get_default ();

  for (guint i = 0; i < files->len; i++)
    if (g_file_is_native (g_ptr_array_index (files, i)))
      {
        g_autofree char *uri = g_file_get_uri (g_ptr_array_index (files, i));

        gtk_recent_manager_add_item (recent, uri);
      }
  return G_SOURCE_REMOVE;
}

/* After the first frame: the recent files list is read from disk. */
static void
remember (GPtrArray *files)
{
  if (files != NULL)
    g_idle_add_full (G_PRIORITY_LOW, remember_cb, g_ptr_array_ref (files),
                     (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
files_of (GAsyncResult *result)
{
  return g_object_get_data (G_OBJECT (result), "bt-files");
}

/* Aligning, after the texts are shown */

typedef struct
{
  BtWindow     *window;
  BtReview     *review;
  GCancellable *cancellable;
  guint         structure_serial;
} AlignRequest;

static void
align_request_free (AlignRequest *request)
{
  g_object_unref (request->window);
  g_object_unref (request->review);
  g_object_unref (request->cancellable);
  g_free (request);
}

static void
tell_dictionary_error (BtWindow     *self,
                       const GError *error)
{
  static gboolean told;
  g_autofree char *message = NULL;

  if (told)
    return;
  told = TRUE;
  message = bt_error_explain (error, BT_TASK_DICTIONARY, NULL);
  _bt_window_toast (self, message);
}

/* A review fresh from its texts takes the suggestions as part of what was
 * opened; one already edited takes them as one undo step. */
static void
apply_alignment (BtReview    *review,
                 BtAlignment *alignment)
{
  gboolean fresh = !bt_review_get_modified (review) && !bt_review_can_undo (review);

  bt_alignment_apply (alignment, review);
  if (fresh)
    {
      bt_review_clear_history (review);
      bt_review_mark_saved (review);
    }
}

static void
align_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AlignRequest *request = user_data;
  BtWindow *self = request->window;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) dictionary_error = NULL;
  g_autoptr (BtAlignment) alignment = bt_loader_align_finish (result, &dictionary_error, &error);

  _bt_window_end_busy (self);
  if (self->align_cancellable == request->cancellable)
    {
      g_clear_object (&self->align_cancellable);
      gtk_spinner_stop (self->align_spinner);
      gtk_widget_set_visible (self->align_box, FALSE);
    }
  if (dictionary_error != NULL)
    tell_dictionary_error (self, dictionary_error);
  if (alignment == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _bt_window_toast (self, error->message);
  else if (alignment != NULL && !g_cancellable_is_cancelled (request->cancellable) &&
           self->review == request->review &&
           self->structure_serial == request->structure_serial)
    {
      apply_alignment (self->review, alignment);
      _bt_window_update_actions (self);
    }
  align_request_free (request);
}

static void
start_alignment (BtWindow *self)
{
  AlignRequest *request = g_new0 (AlignRequest, 1);

  g_cancellable_cancel (self->align_cancellable);
  g_clear_object (&self->align_cancellable);
  self->align_cancellable = g_cancellable_new ();
  request->window = g_object_ref (self);
  request->review = g_object_ref (self->review);
  request->cancellable = g_object_ref (self->align_cancellable);
  request->structure_serial = self->structure_serial;

  _bt_window_begin_busy (self);
  gtk_widget_set_visible (self->align_box, TRUE);
  gtk_spinner_start (self->align_spinner);
  bt_loader_align_async (self->review, request->cancellable, align_done_cb, request);
}

static void
align_cancel_cb (BtWindow *self)
{
  g_cancellable_cancel (self->align_cancellable);
}

/* Progress of an opening: shown when it takes long enough to notice. */

#define LOAD_SHOW_AFTER_US (300 * G_TIME_SPAN_MILLISECOND)

static gboolean
load_tick_cb (gpointer user_data)
{
  BtWindow *self = user_data;
  double fraction = bt_load_progress_get (self->load_state);

  if (g_get_monotonic_time () - self->load_started < LOAD_SHOW_AFTER_US)
    return G_SOURCE_CONTINUE;
  gtk_widget_set_visible (self->load_box, TRUE);
  if (fraction < 0)
    gtk_progress_bar_pulse (self->load_progress);
  else
    gtk_progress_bar_set_fraction (self->load_progress, fraction);
  return G_SOURCE_CONTINUE;
}

static void
begin_load (BtWindow *self,
            GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: %s is the name of the file being opened */
  g_autofree char *text = g_strdup_printf (_("Opening “%s”…"), name);

  if (self->load_state == NULL)
    {
      g_free (self->page_before_load);
      self->page_before_load = g_strdup (gtk_stack_get_visible_child_name (self->stack));
      self->sample_before_load = self->showing_sample;
    }
  g_clear_pointer (&self->load_state, bt_load_progress_unref);
  self->load_state = bt_load_progress_new ();
  self->load_started = g_get_monotonic_time ();
  gtk_label_set_text (self->load_label, text);
  gtk_progress_bar_set_fraction (self->load_progress, 0);
  g_clear_handle_id (&self->load_timeout_id, g_source_remove);
  self->load_timeout_id = g_timeout_add (100, load_tick_cb, self);
}

static void
end_load (BtWindow *self)
{
  g_clear_handle_id (&self->load_timeout_id, g_source_remove);
  g_clear_pointer (&self->load_state, bt_load_progress_unref);
  gtk_widget_set_visible (self->load_box, FALSE);
  gtk_spinner_stop (self->spinner);
}

/* A cancelled opening leaves the window as it was. */
static void
restore_before_load (BtWindow *self)
{
  self->showing_sample = self->sample_before_load;
  if (self->review != NULL)
    gtk_stack_set_visible_child_name (self->stack, "review");
  else if (self->page_before_load != NULL)
    gtk_stack_set_visible_child_name (self->stack, self->page_before_load);
}

static void
load_cancel_cb (BtWindow *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (BtWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (BtReview) review = bt_loader_open_finish (result, &error);
  GFile *file = g_object_get_data (G_OBJECT (result), "bt-review-file");
  GPtrArray *files = files_of (result);

  _bt_window_end_busy (self);
  /* A later opening took this one's place. */
  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  end_load (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      restore_before_load (self);
      return;
    }
  if (review == NULL)
    {
      if (self->review != NULL)
        gtk_stack_set_visible_child_name (self->stack, "review");
      _bt_window_show_open_error (self, files != NULL && files->len > 0
                                          ? g_ptr_array_index (files, 0) : NULL, error);
      return;
    }
  g_cancellable_cancel (self->align_cancellable);
  _bt_window_set_review (self, review, file);
  remember (files);
  if (bt_loader_needs_alignment (result))
    start_alignment (self);
}

void
bt_window_open_files (BtWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (BT_IS_WINDOW (self));
  g_return_if_fail (files != NULL && (n_files == 1 || n_files == 2));

  /* Unsaved work is never replaced: the files get a window of their own. */
  if (self->review != NULL && bt_review_get_modified (self->review) &&
      gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    {
      BtWindow *other = bt_window_new (gtk_window_get_application (GTK_WINDOW (self)));

      gtk_window_present (GTK_WINDOW (other));
      bt_window_open_files (other, files, n_files);
      return;
    }

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  begin_load (self, files[0]);
  self->showing_sample = FALSE;

  _bt_window_begin_busy (self);
  if (self->review == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      gtk_spinner_start (self->spinner);
    }
  bt_loader_open_async (files, n_files, self->load_state, self->cancellable, open_done_cb,
                        g_object_ref (self));
}

void
bt_window_open_sample (BtWindow *self)
{
  GFile *files[2];

  g_return_if_fail (BT_IS_WINDOW (self));

  files[0] = g_file_new_for_uri (SAMPLE_BASE "sample-zh.txt");
  files[1] = g_file_new_for_uri (SAMPLE_BASE "sample-en.txt");
  bt_window_open_files (self, files, 2);
  self->showing_sample = TRUE;
  g_object_unref (files[0]);
  g_object_unref (files[1]);
}

/* Drag and drop: one or two files, as on the command line */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         BtWindow      *self)
{
  GSList *list = g_value_get_boxed (value);
  GFile *files[2];
  guint n = 0;

  for (GSList *l = list; l != NULL && n < 3; l = l->next)
    {
      if (n < 2)
        files[n] = l->data;
      n++;
    }
  if (n == 0 || n > 2)
    {
      _bt_window_show_error (self, _("Drop one bilingual file or review, or a source and a target"));
      return FALSE;
    }
  bt_window_open_files (self, files, n);
  return TRUE;
}

static void
init_drop (BtWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* Settings */

static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  /* Without the schema (an unusual setup) the window simply forgets. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static void
bind_settings (BtWindow *self)
{
  int position;

  self->settings = new_settings ();
  if (self->settings == NULL)
    return;
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  position = g_settings_get_int (self->settings, "pane-position");
  if (position >= 0)
    gtk_paned_set_position (self->paned, position);
  g_settings_bind (self->settings, "pane-position", self->paned, "position",
                   G_SETTINGS_BIND_SET);
}

/* Object */

static gboolean
bt_window_close_request (GtkWindow *window)
{
  BtWindow *self = BT_WINDOW (window);

  if (self->review != NULL && bt_review_get_modified (self->review) && !self->close_confirmed)
    {
      _bt_window_ask_unsaved (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (bt_window_parent_class)->close_request (window);
}

static void
bt_window_dispose (GObject *object)
{
  BtWindow *self = BT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->load_timeout_id, g_source_remove);
  g_clear_pointer (&self->load_state, bt_load_progress_unref);
  g_clear_pointer (&self->page_before_load, g_free);
  g_cancellable_cancel (self->align_cancellable);
  g_clear_object (&self->align_cancellable);
  disconnect_review (self);
  g_clear_pointer (&self->flag_popover, gtk_widget_unparent);
  g_clear_handle_id (&self->details_idle_id, g_source_remove);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), BT_TYPE_WINDOW);

  G_OBJECT_CLASS (bt_window_parent_class)->dispose (object);
}

static void
bt_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BtWindow *self = BT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REVIEW:
      g_value_set_object (value, self->review);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_LOWEST_FIRST:
      g_value_set_boolean (value, self->lowest_first);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BtWindow *self = BT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LOWEST_FIRST:
      if (self->lowest_first != g_value_get_boolean (value))
        {
          self->lowest_first = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_window_class_init (BtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bt_window_dispose;
  object_class->get_property = bt_window_get_property;
  object_class->set_property = bt_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = bt_window_close_request;

  properties[PROP_REVIEW] = g_param_spec_object ("review", NULL, NULL, BT_TYPE_REVIEW,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  /* Alt+Page Down visits the least sure suggestions first. */
  properties[PROP_LOWEST_FIRST] = g_param_spec_boolean ("lowest-first", NULL, NULL, FALSE,
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                          G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BT_TYPE_LINK_GUTTER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bitext/Bitext/bt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BtWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, source_scroller);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, target_scroller);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, source_view);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, target_view);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, gutter);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, details_box);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, status_progress);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, status_coverage);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, status_score);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, align_box);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, align_spinner);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, align_cancel);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, load_box);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, load_label);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, load_progress);
  gtk_widget_class_bind_template_child (widget_class, BtWindow, load_cancel);

  _bt_window_class_actions_init (widget_class);
}

static void
bt_window_init (BtWindow *self)
{
  g_autoptr (GtkListItemFactory) source_factory = new_row_factory ();
  g_autoptr (GtkListItemFactory) target_factory = new_row_factory ();

  gtk_widget_init_template (GTK_WIDGET (self));
  _bt_window_init_actions (self);
  self->flag_paragraph = G_MAXUINT;
  gtk_list_view_set_factory (self->source_view, source_factory);
  gtk_list_view_set_factory (self->target_view, target_factory);
  bt_link_gutter_set_views (self->gutter, self->source_view, self->target_view);
  _bt_window_init_pointer (self);
  init_drop (self);
  g_signal_connect_object (self->align_cancel, "clicked", G_CALLBACK (align_cancel_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->load_cancel, "clicked", G_CALLBACK (load_cancel_cb), self,
                           G_CONNECT_SWAPPED);
  _bt_window_remote_init (self);
  _bt_window_init_find (self);
  _bt_window_init_recent (self);
  g_signal_connect (self, "notify::file", G_CALLBACK (update_title), NULL);
  bind_settings (self);
  update_title (self);
  _bt_window_update_actions (self);
}
