/* bt-window-actions.c: what the reviewer does in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-line-row.h"
#include "bt-loader.h"
#include "bt-csv-writer.h"
#include "bt-json-writer.h"
#include "bt-xliff-writer.h"
#include "bt-xliff12-writer.h"
#include "bt-window-errors.h"
#include "bt-window-private.h"

/* Opening */

static GtkFileFilter *
new_filter (const char *name,
            const char *mime_type,
            const char *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  if (pattern != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  return filter;
}

static GtkFileChooserNative *
new_chooser (BtWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

static void
target_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  BtWindow        *self)
{
  GFile *source = g_object_get_data (G_OBJECT (dialog), "bt-source");
  g_autoptr (GFile) target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (response == GTK_RESPONSE_ACCEPT && target != NULL)
    {
      GFile *files[2] = { source, target };

      bt_window_open_files (self, files, 2);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
source_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  BtWindow        *self)
{
  g_autoptr (GFile) source = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  GtkFileChooserNative *next;

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  if (response != GTK_RESPONSE_ACCEPT || source == NULL)
    return;

  next = new_chooser (self, _("Open the English Translation"), GTK_FILE_CHOOSER_ACTION_OPEN,
                      _("_Open"));
  g_object_set_data_full (G_OBJECT (next), "bt-source", g_steal_pointer (&source), g_object_unref);
  g_signal_connect_object (next, "response", G_CALLBACK (target_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (next));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Open the Chinese Source"), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _("_Next"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser),
                               new_filter (_("Text files"), "text/plain", NULL));
  g_signal_connect_object (chooser, "response", G_CALLBACK (source_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
one_chosen_cb (GtkNativeDialog *dialog,
               int              response,
               BtWindow        *self)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    bt_window_open_files (self, &file, 1);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_one_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  GtkFileChooserNative *chooser;

  chooser = new_chooser (self, _("Open a Bilingual File or a Review"),
                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser),
                               new_filter (_("Reviews and text files"), "text/plain", "*.xlf"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser),
                               new_filter (_("All files"), NULL, "*"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (one_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  bt_window_open_sample (BT_WINDOW (widget));
}

/* Saving */

typedef enum
{
  FORMAT_XLIFF,   /* the review itself */
  FORMAT_XLIFF12,
  FORMAT_JSON,
  FORMAT_CSV,
} Format;

static const struct
{
  const char *name;
  const char *suffix;
  gboolean  (*write) (BtReview *review, const char *path, GError **error);
} formats[] = {
  [FORMAT_XLIFF] = { "xliff", ".xlf", bt_xliff_write_file },
  [FORMAT_XLIFF12] = { "xliff12", ".xliff12.xlf", bt_xliff12_write_file },
  [FORMAT_JSON] = { "json", ".json", bt_json_write_file },
  [FORMAT_CSV] = { "csv", ".csv", bt_csv_write_file },
};

typedef struct
{
  Format    format;
  guint64   n_changes;
  gboolean  then_close;
  BtReview *snapshot;
  GFile    *file;
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->snapshot);
  g_clear_object (&job->file);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  if (path == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                             _("Reviews can only be saved to local files"));
  else if (formats[job->format].write (job->snapshot, path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
saved (BtWindow *self,
       SaveJob  *job)
{
  /* Edits made while the thread wrote are not in the file. */
  if (self->n_changes == job->n_changes && self->review != NULL)
    bt_review_mark_saved (self->review);
  if (self->file == NULL || !g_file_equal (self->file, job->file))
    {
      g_set_object (&self->file, job->file);
      g_object_notify (G_OBJECT (self), "file");
    }
  if (self->review != NULL)
    _bt_window_update_actions (self);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  BtWindow *self = BT_WINDOW (object);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  _bt_window_end_busy (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _bt_window_show_save_error (self, job->file, error);
      return;
    }
  if (job->format == FORMAT_XLIFF)
    saved (self, job);
  else
    {
      g_autofree char *name = g_file_get_basename (job->file);
      g_autofree char *message = g_strdup_printf (_("Exported to %s"), name);

      _bt_window_toast (self, message);
    }
  if (job->then_close)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
write_review (BtWindow *self,
              GFile    *file,
              Format    format,
              gboolean  then_close)
{
  g_autoptr (GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (self->review != NULL);

  job = g_new0 (SaveJob, 1);
  job->format = format;
  job->n_changes = self->n_changes;
  job->then_close = then_close;
  job->snapshot = bt_review_copy (self->review);
  job->file = g_object_ref (file);
  task = g_task_new (self, NULL, save_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  _bt_window_begin_busy (self);
  g_task_run_in_thread (task, save_thread);
}

void
_bt_window_save_to (BtWindow *self,
                    GFile    *file,
                    gboolean  then_close)
{
  if (_bt_window_ask_overwrite (self, file, then_close))
    return;
  write_review (self, file, FORMAT_XLIFF, then_close);
}

void
_bt_window_export_to (BtWindow   *self,
                      GFile      *file,
                      const char *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].name, format))
      write_review (self, file, i, FALSE);
}

static void
save_chosen_cb (GtkNativeDialog *dialog,
                int              response,
                BtWindow        *self)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  Format format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "bt-format"));
  gboolean then_close = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "bt-close"));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL && self->review != NULL)
    write_review (self, file, format, then_close);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_file (BtWindow *self,
             Format    format,
             gboolean  then_close)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  const char *title = format == FORMAT_XLIFF ? _("Save the Review") : _("Export the Review");

  chooser = new_chooser (self, title, GTK_FILE_CHOOSER_ACTION_SAVE,
                         format == FORMAT_XLIFF ? _("_Save") : _("_Export"));
  name = g_strconcat (bt_document_get_name (bt_review_get_source (self->review)),
                      formats[format].suffix, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "bt-format", GUINT_TO_POINTER (format));
  g_object_set_data (G_OBJECT (chooser), "bt-close", GINT_TO_POINTER (then_close));
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
choose_save_file (BtWindow *self,
                  gboolean  then_close)
{
  choose_file (self, FORMAT_XLIFF, then_close);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  const char *name = g_variant_get_string (parameter, NULL);

  for (guint i = FORMAT_XLIFF12; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i].name, name))
      choose_file (BT_WINDOW (widget), i, FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);

  if (self->file != NULL && bt_loader_is_review_file (self->file))
    _bt_window_save_to (self, self->file, FALSE);
  else
    choose_save_file (self, FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  choose_save_file (BT_WINDOW (widget), FALSE);
}

/* Closing with unsaved changes */

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BtWindow         *self)
{
  self->pending_dialog = NULL;
  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    {
      if (self->file != NULL && bt_loader_is_review_file (self->file))
        _bt_window_save_to (self, self->file, TRUE);
      else
        choose_save_file (self, TRUE);
    }
}

void
_bt_window_ask_unsaved (BtWindow *self)
{
  GtkWidget *dialog;

  if (self->pending_dialog != NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"),
                                   _("The review has changes that are not saved. Without saving, "
                                     "they are lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  self->pending_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Editing */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);

  if (self->review != NULL)
    bt_review_undo (self->review);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);

  if (self->review != NULL)
    bt_review_redo (self->review);
}

static void
toggle_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  guint paragraph = _bt_window_get_paragraph (self);
  guint sentence = _bt_window_get_sentence (self);

  if (paragraph == GTK_INVALID_LIST_POSITION || sentence == GTK_INVALID_LIST_POSITION)
    return;
  bt_review_toggle_link (self->review, paragraph, sentence);
}

static void
decide (BtWindow *self,
        BtState   state)
{
  guint paragraph = _bt_window_get_paragraph (self);

  if (paragraph != GTK_INVALID_LIST_POSITION)
    bt_review_decide_paragraph (self->review, paragraph, state);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  decide (BT_WINDOW (widget), BT_STATE_ACCEPTED);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  decide (BT_WINDOW (widget), BT_STATE_REJECTED);
}

/* Every suggestion the aligner is at least this sure of. */
#define CONFIDENT 0.9

static void
accept_confident_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (BtLink));
  g_autoptr (GArray) omissions = g_array_new (FALSE, FALSE, sizeof (guint));

  if (self->review == NULL)
    return;
  /* Collect first: each edit may move the links around. */
  for (guint i = 0; i < bt_review_get_n_links (self->review); i++)
    {
      const BtLink *link = bt_review_get_link (self->review, i);

      if (link->state == BT_STATE_SUGGESTED && link->confidence >= CONFIDENT)
        g_array_append_vals (links, link, 1);
    }
  for (guint i = 0; i < bt_review_get_n_omissions (self->review); i++)
    {
      const BtOmission *o = bt_review_get_omission (self->review, i);

      if (o->state == BT_STATE_SUGGESTED && o->confidence >= CONFIDENT)
        g_array_append_val (omissions, o->id);
    }
  if (links->len == 0 && omissions->len == 0)
    {
      _bt_window_toast (self, _("No suggestion is that sure"));
      return;
    }
  bt_review_begin_group (self->review, _("Accept confident suggestions"));
  for (guint i = 0; i < links->len; i++)
    {
      BtLink *link = &g_array_index (links, BtLink, i);

      bt_review_set_link_state (self->review, link->paragraph, link->sentence, BT_STATE_ACCEPTED);
    }
  for (guint i = 0; i < omissions->len; i++)
    bt_review_set_omission_state (self->review, g_array_index (omissions, guint, i),
                                  BT_STATE_ACCEPTED);
  bt_review_end_group (self->review);
}

/* Segmentation: split where the text selection starts, merge with the
 * next one. */

static gboolean
selection_start (BtWindow *self,
                 BtSide    side,
                 guint     index,
                 guint    *at)
{
  GtkWidget *row = _bt_window_find_row (self, side, index);
  int cursor = 0, bound = 0;

  /* An empty selection still tells where the cursor is. */
  if (row != NULL)
    gtk_label_get_selection_bounds (bt_line_row_get_label (BT_LINE_ROW (row)), &cursor, &bound);
  if (MIN (cursor, bound) <= 0)
    {
      _bt_window_toast (self, _("Click where the text should be split, or select from there"));
      return FALSE;
    }
  *at = MIN (cursor, bound);
  return TRUE;
}

static void
split_paragraph_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  guint paragraph = _bt_window_get_paragraph (self);
  guint at;

  if (paragraph != GTK_INVALID_LIST_POSITION && selection_start (self, BT_SIDE_SOURCE, paragraph, &at))
    bt_review_split_paragraph (self->review, paragraph, at);
}

static void
merge_paragraphs_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  guint paragraph = _bt_window_get_paragraph (self);

  if (paragraph != GTK_INVALID_LIST_POSITION)
    bt_review_merge_paragraphs (self->review, paragraph);
}

static void
split_sentence_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  guint sentence = _bt_window_get_sentence (self);
  guint at;

  if (sentence != GTK_INVALID_LIST_POSITION && selection_start (self, BT_SIDE_TARGET, sentence, &at))
    bt_review_split_sentence (self->review, sentence, at);
}

static void
merge_sentences_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  guint sentence = _bt_window_get_sentence (self);

  if (sentence != GTK_INVALID_LIST_POSITION)
    bt_review_merge_sentences (self->review, sentence);
}

/* Navigation */

static gboolean
has_suggestions (BtReview *review,
                 guint     paragraph)
{
  const guint *links;
  guint n_links;
  g_autoptr (GArray) omissions = NULL;

  links = bt_review_get_paragraph_links (review, paragraph, &n_links);
  for (guint i = 0; i < n_links; i++)
    if (bt_review_get_link (review, links[i])->state == BT_STATE_SUGGESTED)
      return TRUE;
  omissions = bt_review_list_paragraph_omissions (review, paragraph);
  for (guint i = 0; omissions != NULL && i < omissions->len; i++)
    if (bt_review_get_omission (review, g_array_index (omissions, guint, i))->state ==
        BT_STATE_SUGGESTED)
      return TRUE;
  return FALSE;
}

static gboolean
needs_decision (BtReview *review,
                guint     paragraph)
{
  return bt_review_get_status (review, paragraph) != BT_STATUS_REVIEWED ||
         has_suggestions (review, paragraph);
}

/* The next paragraph after @from (before it when @step is -1) that
 * needs a decision, wrapping around; G_MAXUINT if none. */
static guint
find_decision (BtReview *review,
               guint     from,
               int       step)
{
  guint n = bt_document_get_n_paragraphs (bt_review_get_source (review));

  if (n == 0)
    return G_MAXUINT;
  if (from >= n)
    from = step > 0 ? n - 1 : 0;
  for (guint i = 1; i <= n; i++)
    {
      guint p = (from + n + (step > 0 ? i : n - i)) % n;

      if (needs_decision (review, p))
        return p;
    }
  return G_MAXUINT;
}

/* The lowest confidence among a paragraph's suggestions; 2 with none, so
 * that paragraphs only waiting for their status come last. */
static double
lowest_confidence (BtReview *review,
                   guint     paragraph)
{
  g_autoptr (GArray) omissions = bt_review_list_paragraph_omissions (review, paragraph);
  const guint *links;
  guint n_links;
  double lowest = 2;

  links = bt_review_get_paragraph_links (review, paragraph, &n_links);
  for (guint i = 0; i < n_links; i++)
    {
      const BtLink *link = bt_review_get_link (review, links[i]);

      if (link->state == BT_STATE_SUGGESTED)
        lowest = MIN (lowest, link->confidence);
    }
  for (guint i = 0; omissions != NULL && i < omissions->len; i++)
    {
      const BtOmission *o = bt_review_get_omission (review, g_array_index (omissions, guint, i));

      if (o->state == BT_STATE_SUGGESTED)
        lowest = MIN (lowest, o->confidence);
    }
  return lowest;
}

typedef struct
{
  guint  paragraph;
  double confidence;
} Pending;

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const Pending *x = a, *y = b;

  if (x->confidence != y->confidence)
    return x->confidence < y->confidence ? -1 : 1;
  return x->paragraph < y->paragraph ? -1 : x->paragraph > y->paragraph;
}

/* Like find_decision (), in order of lowest confidence first. */
static guint
find_least_sure (BtReview *review,
                 guint     from,
                 int       step)
{
  g_autoptr (GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  guint n = bt_document_get_n_paragraphs (bt_review_get_source (review));
  guint here = G_MAXUINT;

  for (guint p = 0; p < n; p++)
    if (needs_decision (review, p) || p == from)
      {
        Pending item = { p, lowest_confidence (review, p) };

        g_array_append_val (pending, item);
      }
  if (pending->len == 0)
    return G_MAXUINT;
  g_array_sort (pending, compare_pending);
  for (guint i = 0; i < pending->len; i++)
    if (g_array_index (pending, Pending, i).paragraph == from)
      here = i;
  if (here == G_MAXUINT)
    return g_array_index (pending, Pending, step > 0 ? 0 : pending->len - 1).paragraph;
  return g_array_index (pending, Pending, (here + pending->len + step) % pending->len).paragraph;
}

static void
go_decision (BtWindow *self,
             int       step)
{
  guint p;

  if (self->review == NULL)
    return;
  if (self->lowest_first)
    p = find_least_sure (self->review, _bt_window_get_paragraph (self), step);
  else
    p = find_decision (self->review, _bt_window_get_paragraph (self), step);
  if (p != G_MAXUINT)
    _bt_window_select_paragraph (self, p);
}

static void
next_decision_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  go_decision (BT_WINDOW (widget), 1);
}

static void
previous_decision_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  go_decision (BT_WINDOW (widget), -1);
}

static void
mark_reviewed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  guint paragraph = _bt_window_get_paragraph (self);
  guint n, next = G_MAXUINT;

  if (paragraph == GTK_INVALID_LIST_POSITION)
    return;
  bt_review_set_status (self->review, paragraph, BT_STATUS_REVIEWED);
  n = bt_document_get_n_paragraphs (bt_review_get_source (self->review));
  for (guint i = 1; i < n && next == G_MAXUINT; i++)
    if (bt_review_get_status (self->review, (paragraph + i) % n) == BT_STATUS_UNREVIEWED)
      next = (paragraph + i) % n;
  if (next != G_MAXUINT)
    _bt_window_select_paragraph (self, next);
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);

  gtk_revealer_set_reveal_child (self->details_revealer,
                                 !gtk_revealer_get_reveal_child (self->details_revealer));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Flagging omissions */

static void
flag_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  guint paragraph = _bt_window_get_paragraph (self);
  GtkWidget *row;
  int start = 0, end = 0;

  if (paragraph == GTK_INVALID_LIST_POSITION)
    return;
  row = _bt_window_find_row (self, BT_SIDE_SOURCE, paragraph);
  if (row != NULL && gtk_label_get_selection_bounds (bt_line_row_get_label (BT_LINE_ROW (row)),
                                                     &start, &end) && end > start)
    _bt_window_flag (self, start, end);
  else
    _bt_window_toast (self, _("Select the words the English leaves out, then press O"));
}

static void
flag_paragraph_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);
  guint paragraph = _bt_window_get_paragraph (self);

  if (paragraph == GTK_INVALID_LIST_POSITION)
    return;
  _bt_window_flag (self, 0,
                   bt_document_get_paragraph (bt_review_get_source (self->review), paragraph)->n_chars);
}

static void
flag_confirm_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BtWindow *self = BT_WINDOW (widget);

  if (self->review == NULL || self->flag_paragraph == G_MAXUINT)
    return;
  bt_review_add_omission (self->review, self->flag_paragraph, self->flag_start, self->flag_end,
                          gtk_drop_down_get_selected (self->flag_category),
                          gtk_drop_down_get_selected (self->flag_severity),
                          gtk_editable_get_text (GTK_EDITABLE (self->flag_comment)),
                          BT_ORIGIN_REVIEWER, 1.0, BT_STATE_ACCEPTED);
  self->flag_paragraph = G_MAXUINT;
  gtk_popover_popdown (GTK_POPOVER (self->flag_popover));
}

/* Pointer: Ctrl+click on a row toggles its link with the other side's
 * selection instead of selecting it. */

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            BtWindow        *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *picked;
  GtkWidget *row;
  guint index;

  if (!(state & GDK_CONTROL_MASK) || self->review == NULL)
    return;
  picked = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
  row = picked != NULL ? gtk_widget_get_ancestor (picked, BT_TYPE_LINE_ROW) : NULL;
  if (row == NULL || (index = bt_line_row_get_index (BT_LINE_ROW (row))) == G_MAXUINT)
    return;

  if (view == GTK_WIDGET (self->target_view) && _bt_window_get_paragraph (self) != GTK_INVALID_LIST_POSITION)
    bt_review_toggle_link (self->review, _bt_window_get_paragraph (self), index);
  else if (view == GTK_WIDGET (self->source_view) && _bt_window_get_sentence (self) != GTK_INVALID_LIST_POSITION)
    bt_review_toggle_link (self->review, index, _bt_window_get_sentence (self));
  else
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
watch_pointer (BtWindow    *self,
               GtkListView *view)
{
  GtkGesture *gesture = gtk_gesture_click_new ();

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (gesture));
}

static void
view_activate_cb (BtWindow *self)
{
  decide (self, BT_STATE_ACCEPTED);
}

/* Tab goes from one pane to the other rather than through every row. */
static gboolean
pane_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             BtWindow              *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *other;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  other = view == GTK_WIDGET (self->source_view) ? GTK_WIDGET (self->target_view)
                                                  : GTK_WIDGET (self->source_view);
  return gtk_widget_grab_focus (other);
}

static void
watch_keys (BtWindow    *self,
            GtkListView *view)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (pane_key_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
}

void
_bt_window_init_pointer (BtWindow *self)
{
  watch_keys (self, self->source_view);
  watch_keys (self, self->target_view);
  watch_pointer (self, self->source_view);
  watch_pointer (self, self->target_view);
  /* The list views take Enter for themselves. */
  g_signal_connect_object (self->source_view, "activate", G_CALLBACK (view_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_view, "activate", G_CALLBACK (view_activate_cb), self,
                           G_CONNECT_SWAPPED);
}

/* State */

static void
update_history_tooltips (BtWindow *self)
{
  const char *undo = self->review != NULL ? bt_review_get_undo_label (self->review) : NULL;
  const char *redo = self->review != NULL ? bt_review_get_redo_label (self->review) : NULL;
  g_autofree char *undo_text = undo != NULL ? g_strdup_printf (_("Undo “%s”"), undo) : NULL;
  g_autofree char *redo_text = redo != NULL ? g_strdup_printf (_("Redo “%s”"), redo) : NULL;

  gtk_widget_set_tooltip_text (self->undo_button, undo_text != NULL ? undo_text : _("Undo"));
  gtk_widget_set_tooltip_text (self->redo_button, redo_text != NULL ? redo_text : _("Redo"));
}

static void
set_enabled (BtWindow   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_bt_window_update_actions (BtWindow *self)
{
  BtReview *review = self->review;
  gboolean open = review != NULL;
  gboolean paragraph = open && _bt_window_get_paragraph (self) != GTK_INVALID_LIST_POSITION;
  gboolean sentence = open && _bt_window_get_sentence (self) != GTK_INVALID_LIST_POSITION;

  set_enabled (self, "undo", open && bt_review_can_undo (review));
  set_enabled (self, "redo", open && bt_review_can_redo (review));
  set_enabled (self, "save", open);
  set_enabled (self, "save-as", open);
  set_enabled (self, "export", open);
  set_enabled (self, "toggle-link", paragraph && sentence);
  set_enabled (self, "accept", paragraph);
  set_enabled (self, "reject", paragraph);
  set_enabled (self, "accept-confident", open);
  set_enabled (self, "flag", paragraph);
  set_enabled (self, "flag-paragraph", paragraph);
  set_enabled (self, "mark-reviewed", paragraph);
  set_enabled (self, "split-paragraph", paragraph);
  set_enabled (self, "merge-paragraphs", paragraph);
  set_enabled (self, "split-sentence", sentence);
  set_enabled (self, "merge-sentences", sentence);
  set_enabled (self, "next-decision", open);
  set_enabled (self, "previous-decision", open);

  update_history_tooltips (self);
}

typedef struct
{
  const char                  *name;
  GtkWidgetActionActivateFunc  activate;
  const char                  *parameter_type;
  const char                  *accel;     /* the application's, for keys with Control, Alt or F */
  guint                        key;       /* the window's, for keys that entries must keep */
  GdkModifierType              modifiers;
} WindowAction;

static const WindowAction window_actions[] = {
  { "open", open_action, NULL, "<Control>o", 0 },
  { "open-one", open_one_action, NULL, "<Control><Shift>o", 0 },
  { "open-sample", open_sample_action, NULL, NULL, 0 },
  { "save", save_action, NULL, "<Control>s", 0 },
  { "save-as", save_as_action, NULL, "<Control><Shift>s", 0 },
  { "export", export_action, "s", NULL, 0 },
  { "close", close_action, NULL, "<Control>w", 0 },
  { "undo", undo_action, NULL, "<Control>z", 0 },
  { "redo", redo_action, NULL, "<Control><Shift>z", 0 },
  { "toggle-link", toggle_link_action, NULL, NULL, GDK_KEY_l },
  { "accept", accept_action, NULL, NULL, GDK_KEY_Return },
  { "reject", reject_action, NULL, NULL, GDK_KEY_Delete },
  { "accept-confident", accept_confident_action, NULL, "<Control><Shift>Return", 0 },
  { "flag", flag_action, NULL, NULL, GDK_KEY_o },
  { "flag-paragraph", flag_paragraph_action, NULL, NULL, GDK_KEY_O, GDK_SHIFT_MASK },
  { "flag-confirm", flag_confirm_action, NULL, NULL, 0 },
  { "mark-reviewed", mark_reviewed_action, NULL, NULL, GDK_KEY_r },
  { "split-paragraph", split_paragraph_action, NULL, "<Control>k", 0 },
  { "merge-paragraphs", merge_paragraphs_action, NULL, "<Control>j", 0 },
  { "split-sentence", split_sentence_action, NULL, "<Control><Shift>k", 0 },
  { "merge-sentences", merge_sentences_action, NULL, "<Control><Shift>j", 0 },
  { "next-decision", next_decision_action, NULL, "<Alt>Page_Down", 0 },
  { "previous-decision", previous_decision_action, NULL, "<Alt>Page_Up", 0 },
  { "show-details", show_details_action, NULL, "F9", 0 },
  { "find", _bt_window_find_action, NULL, "<Control>f", 0 },
};

static void
window_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  BtWindow      *self)
{
  const WindowAction *entry = g_object_get_data (G_OBJECT (action), "bt-window-action");
  g_autofree char *name = g_strconcat ("win.", entry->name, NULL);

  entry->activate (GTK_WIDGET (self), name, parameter);
}

static void
lowest_first_change_cb (GSimpleAction *action,
                        GVariant      *value,
                        BtWindow      *self)
{
  g_object_set (self, "lowest-first", g_variant_get_boolean (value), NULL);
}

static void
lowest_first_notify_cb (BtWindow      *self,
                        GParamSpec    *pspec,
                        GSimpleAction *action)
{
  g_simple_action_set_state (action, g_variant_new_boolean (self->lowest_first));
}

void
_bt_window_init_actions (BtWindow *self)
{
  g_autoptr (GSimpleAction) lowest_first = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (window_actions); i++)
    {
      const WindowAction *entry = &window_actions[i];
      g_autoptr (GVariantType) type = NULL;
      g_autoptr (GSimpleAction) action = NULL;

      if (entry->parameter_type != NULL)
        type = g_variant_type_new (entry->parameter_type);
      action = g_simple_action_new (entry->name, type);
      g_object_set_data (G_OBJECT (action), "bt-window-action", (gpointer) entry);
      g_signal_connect_object (action, "activate", G_CALLBACK (window_action_cb), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }
  /* Like a GPropertyAction, without the reference that would keep the
   * window alive. */
  lowest_first = g_simple_action_new_stateful ("lowest-first", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (lowest_first, "change-state", G_CALLBACK (lowest_first_change_cb), self,
                           0);
  g_signal_connect (self, "notify::lowest-first", G_CALLBACK (lowest_first_notify_cb),
                    lowest_first);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (lowest_first));
}

void
_bt_window_class_actions_init (GtkWidgetClass *widget_class)
{
  for (gsize i = 0; i < G_N_ELEMENTS (window_actions); i++)
    if (window_actions[i].key != 0)
      {
        g_autofree char *name = g_strconcat ("win.", window_actions[i].name, NULL);

        gtk_widget_class_add_binding_action (widget_class, window_actions[i].key,
                                             window_actions[i].modifiers, name, NULL);
      }
}

void
bt_window_set_accels (GtkApplication *application)
{
  const char *redo[] = { "<Control><Shift>z", "<Control>y", NULL };

  g_return_if_fail (GTK_IS_APPLICATION (application));

  for (gsize i = 0; i < G_N_ELEMENTS (window_actions); i++)
    if (window_actions[i].accel != NULL)
      {
        g_autofree char *name = g_strconcat ("win.", window_actions[i].name, NULL);
        const char *accels[] = { window_actions[i].accel, NULL };

        gtk_application_set_accels_for_action (application, name, accels);
      }
  gtk_application_set_accels_for_action (application, "win.redo", redo);
}
