/* bt-window-autosave.c: recovery copies of the window's review, and
 * restoring them after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-autosave.h"
#include "bt-loader.h"
#include "bt-window-autosave.h"
#include "bt-window-errors.h"
#include "bt-window-private.h"

#define AUTOSAVE_KEY "bt-autosave"
#define DIALOG_KEY   "bt-recovery-dialog"
#define WARNED_KEY   "bt-autosave-warned"

/* Autosave */

static char *
get_review_path (BtWindow *self)
{
  if (self->file == NULL || !bt_loader_is_review_file (self->file))
    return NULL;
  return g_file_get_path (self->file);
}

static void
file_changed_cb (BtWindow *self)
{
  BtAutosave *autosave = g_object_get_data (G_OBJECT (self), AUTOSAVE_KEY);
  g_autofree char *path = get_review_path (self);

  if (autosave != NULL)
    bt_autosave_set_review_path (autosave, path);
  _bt_window_errors_track_file (self);
}

static void
review_modified_cb (BtWindow *self)
{
  /* A save changed the file on disk. */
  if (self->review != NULL && !bt_review_get_modified (self->review))
    _bt_window_errors_track_file (self);
}

static void
written_cb (BtAutosave *autosave,
            BtWindow   *self)
{
  const GError *error = bt_autosave_get_error (autosave);
  g_autofree char *message = NULL;

  /* One warning per failing spell, not one every few seconds. */
  if (error == NULL || g_object_get_data (G_OBJECT (autosave), WARNED_KEY) != NULL)
    {
      g_object_set_data (G_OBJECT (autosave), WARNED_KEY, error != NULL ? autosave : NULL);
      return;
    }
  g_object_set_data (G_OBJECT (autosave), WARNED_KEY, autosave);
  message = g_strdup_printf (_("No recovery copy could be written, so a crash would lose the "
                               "changes since the last save. Save the review, or free some "
                               "disk space. %s"), error->message);
  _bt_window_toast (self, message);
}

/* The copy goes when the window does, before the application can quit. */
static void
destroy_cb (BtWindow *self)
{
  g_object_set_data (G_OBJECT (self), AUTOSAVE_KEY, NULL);
}

void
_bt_window_autosave_attach (BtWindow *self)
{
  BtAutosave *autosave = g_object_get_data (G_OBJECT (self), AUTOSAVE_KEY);
  g_autofree char *path = get_review_path (self);

  g_return_if_fail (BT_IS_WINDOW (self));

  if (self->review == NULL)
    return;
  _bt_window_errors_track_file (self);
  if (autosave != NULL && bt_autosave_get_review (autosave) == self->review)
    {
      bt_autosave_set_review_path (autosave, path);
      return;
    }
  if (autosave == NULL)
    {
      g_signal_connect (self, "notify::file", G_CALLBACK (file_changed_cb), NULL);
      g_signal_connect (self, "destroy", G_CALLBACK (destroy_cb), NULL);
    }
  g_signal_connect_object (self->review, "notify::modified", G_CALLBACK (review_modified_cb), self,
                           G_CONNECT_SWAPPED);
  autosave = bt_autosave_new (self->review, NULL, path);
  g_signal_connect_object (autosave, "written", G_CALLBACK (written_cb), self, 0);
  g_object_set_data_full (G_OBJECT (self), AUTOSAVE_KEY, autosave, g_object_unref);
}

/* Actions for scripts */

static void
select_paragraph_activate (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  _bt_window_select_paragraph (user_data, g_variant_get_uint32 (parameter));
}

static void
select_sentence_activate (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  _bt_window_select_sentence (user_data, g_variant_get_uint32 (parameter));
}

static void
save_to_activate (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  BtWindow *self = user_data;
  g_autoptr (GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  if (self->review != NULL)
    _bt_window_save_to (self, file, FALSE);
}

static const GActionEntry remote_actions[] = {
  { "select-paragraph", select_paragraph_activate, "u", NULL, NULL, { 0 } },
  { "select-sentence", select_sentence_activate, "u", NULL, NULL, { 0 } },
  { "save-to", save_to_activate, "s", NULL, NULL, { 0 } },
};

void
_bt_window_remote_init (BtWindow *self)
{
  g_return_if_fail (BT_IS_WINDOW (self));

  if (g_action_map_lookup_action (G_ACTION_MAP (self), "select-paragraph") != NULL)
    return;
  g_action_map_add_action_entries (G_ACTION_MAP (self), remote_actions,
                                   G_N_ELEMENTS (remote_actions), self);
}

/* Recovery */

typedef struct
{
  GPtrArray *recoveries;
  guint      index;
  gboolean   into_window;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  g_ptr_array_unref (job->recoveries);
  g_free (job);
}

static BtRecovery *
job_recovery (RestoreJob *job)
{
  return g_ptr_array_index (job->recoveries, job->index);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  BtReview *review = bt_recovery_load (job_recovery (task_data), &error);

  if (review == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, review, g_object_unref);
}

/* Files the reviewer asked for are kept; an empty window, or the sample
 * without changes, gives way. */
static gboolean
gives_way (BtWindow *window)
{
  if (window->review == NULL)
    return window->busy == 0 || window->showing_sample;
  return window->showing_sample && !bt_review_get_modified (window->review);
}

static BtWindow *
window_for_restore (BtWindow   *window,
                    RestoreJob *job)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (window));
  BtWindow *other;

  if ((job->into_window && gives_way (window)) || application == NULL)
    {
      /* Whatever the window was still opening would replace the review. */
      window->showing_sample = FALSE;
      g_cancellable_cancel (window->cancellable);
      g_cancellable_cancel (window->align_cancellable);
      return window;
    }
  other = bt_window_new (application);
  gtk_window_present (GTK_WINDOW (other));
  return other;
}

static void
restore_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BtWindow *window = BT_WINDOW (object);
  RestoreJob *job = g_task_get_task_data (G_TASK (result));
  BtRecovery *recovery = job_recovery (job);
  g_autoptr (GError) error = NULL;
  g_autoptr (BtReview) review = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (GFile) file = NULL;

  if (review == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("The unsaved work could not be restored: %s. The recovery "
                                   "copy is kept; open it with Open a Review to look at it."),
                                 error->message);
      _bt_window_toast (window, message);
      return;
    }
  if (recovery->review_path != NULL && g_file_test (recovery->review_path, G_FILE_TEST_EXISTS))
    file = g_file_new_for_path (recovery->review_path);
  _bt_window_set_review (window_for_restore (window, job), review, file);
  if (!bt_recovery_remove (recovery, &error))
    _bt_window_toast (window, error->message);
}

static void
restore (BtWindow   *window,
         GPtrArray  *recoveries,
         guint       index)
{
  g_autoptr (GTask) task = g_task_new (window, NULL, restore_done_cb, NULL);
  RestoreJob *job = g_new0 (RestoreJob, 1);

  job->recoveries = g_ptr_array_ref (recoveries);
  job->index = index;
  job->into_window = index == 0;
  g_task_set_task_data (task, job, (GDestroyNotify) restore_job_free);
  g_task_run_in_thread (task, restore_thread);
}

static void
discard (BtWindow  *window,
         GPtrArray *recoveries)
{
  for (guint i = 0; i < recoveries->len; i++)
    {
      g_autoptr (GError) error = NULL;

      if (!bt_recovery_remove (g_ptr_array_index (recoveries, i), &error))
        _bt_window_toast (window, error->message);
    }
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      BtWindow         *window)
{
  GPtrArray *recoveries = g_object_get_data (G_OBJECT (dialog), "bt-recoveries");

  g_object_set_data (G_OBJECT (window), DIALOG_KEY, NULL);
  if (g_str_equal (response, "restore"))
    for (guint i = 0; i < recoveries->len; i++)
      restore (window, recoveries, i);
  else if (g_str_equal (response, "discard"))
    discard (window, recoveries);
}

static void
answer_activate (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AdwMessageDialog *dialog = g_object_get_data (user_data, DIALOG_KEY);
  const char *response = g_str_equal (g_action_get_name (G_ACTION (action)), "restore-recovery")
                           ? "restore" : "discard";

  if (dialog == NULL)
    return;
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static const GActionEntry answer_actions[] = {
  { "restore-recovery", answer_activate, NULL, NULL, NULL, { 0 } },
  { "discard-recovery", answer_activate, NULL, NULL, NULL, { 0 } },
};

static char *
describe (GPtrArray *recoveries)
{
  GString *body = g_string_new (NULL);

  g_string_append_printf (body,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Bitext stopped before a review was saved. Restore it "
                                       "to go on from its last recovery copy, or discard those "
                                       "changes for good.",
                                       "Bitext stopped before %u reviews were saved. Restore "
                                       "them to go on from their last recovery copies, or "
                                       "discard those changes for good.",
                                       recoveries->len),
                          recoveries->len);
  for (guint i = 0; i < recoveries->len; i++)
    {
      BtRecovery *recovery = g_ptr_array_index (recoveries, i);
      g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (recovery->saved_at);
      g_autofree char *when = time != NULL ? g_date_time_format (time, "%x %X") : g_strdup ("");

      /* Translators: a source file name, its target's name, a date and time */
      g_string_append_printf (body, _("\n• %s ↔ %s, copied %s"),
                              recovery->source_name != NULL ? recovery->source_name : "",
                              recovery->target_name != NULL ? recovery->target_name : "", when);
    }
  return g_string_free (body, FALSE);
}

gboolean
bt_window_offer_recovery (BtWindow *window)
{
  g_autoptr (GPtrArray) recoveries = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (BT_IS_WINDOW (window), FALSE);

  recoveries = bt_autosave_list_recoveries (NULL);
  if (recoveries->len == 0 || g_object_get_data (G_OBJECT (window), DIALOG_KEY) != NULL)
    return FALSE;
  body = describe (recoveries);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Restore Unsaved Work?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* Closing the dialog decides nothing: the copies are offered again. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "bt-recoveries", g_steal_pointer (&recoveries),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), window, 0);
  g_object_set_data (G_OBJECT (window), DIALOG_KEY, dialog);
  if (g_action_map_lookup_action (G_ACTION_MAP (window), "restore-recovery") == NULL)
    g_action_map_add_action_entries (G_ACTION_MAP (window), answer_actions,
                                     G_N_ELEMENTS (answer_actions), window);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
