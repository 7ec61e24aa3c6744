/* bt-window-errors.c: failures told in words a reviewer can act on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bt-error.h"
#include "bt-window-errors.h"
#include "bt-window-private.h"

#define ETAG_KEY "bt-file-etag"
/* Below this, a failed save is put down to a full disk. */
#define LOW_SPACE (4 * 1024 * 1024)

/* Advice */

static gboolean
folder_is_full (GFile *file)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autoptr (GFileInfo) info = NULL;

  if (folder == NULL)
    return FALSE;
  info = g_file_query_filesystem_info (folder, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL, NULL);
  return info != NULL &&
         g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE) &&
         g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE) < LOW_SPACE;
}

static gboolean
folder_is_read_only (GFile *file)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

  return path != NULL && g_access (path, W_OK) != 0;
}

static gboolean
folder_is_missing (GFile *file)
{
  g_autoptr (GFile) folder = g_file_get_parent (file);

  return folder != NULL && !g_file_query_exists (folder, NULL);
}

static const char *
save_advice (const GError *error,
             GFile        *file)
{
  if (file != NULL && folder_is_missing (file))
    return _("The folder is gone or was renamed. Save the review in another folder with Save As.");
  if (file != NULL && folder_is_full (file))
    return _("The disk is full. Free some space, or save the review on another disk with Save As.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      (file != NULL && folder_is_read_only (file)))
    return _("You may not write in that folder. Save the review in a folder of your own with "
             "Save As.");
  if (g_error_matches (error, BT_ERROR, BT_ERROR_INVALID))
    return _("The review holds text that a review file cannot carry. Remove it from the notes "
             "or comments, then save again.");
  return _("Try again, or save the review somewhere else with Save As.");
}

static const char *
open_advice (const GError *error,
             GFile        *file)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      (file != NULL && !g_file_query_exists (file, NULL)))
    return _("The file is gone or was renamed. Choose it again with Open.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("You may not read this file. Ask its owner for access, or open a copy of it.");
  if (error->domain != BT_ERROR)
    return _("Check that the file is on a disk that is still there, then open it again.");
  switch ((BtError) error->code)
    {
    case BT_ERROR_ENCODING:
    case BT_ERROR_UNKNOWN_ENCODING:
      return _("Save the text as UTF-8 (or GB 18030 or Big5) in your editor, then open it again.");
    case BT_ERROR_BINARY:
      return _("Open a plain text file: export documents from a word processor as text first.");
    case BT_ERROR_TOO_LARGE:
      return _("Split the text into parts and review each on its own.");
    case BT_ERROR_EMPTY:
    case BT_ERROR_NO_SOURCE:
    case BT_ERROR_NO_TARGET:
      return _("Open a file with both the Chinese text and its English version, or the two "
               "texts as two files.");
    case BT_ERROR_XML:
    case BT_ERROR_FORMAT:
      return _("The file is not a review Bitext can read. If a recovery copy was offered at "
               "start, restore it instead.");
    case BT_ERROR_INVALID:
    case BT_ERROR_IO:
    default:
      return _("Check the file, then open it again.");
    }
}

char *
bt_error_explain (const GError *error,
                  BtTask        task,
                  GFile        *file)
{
  const char *advice;

  g_return_val_if_fail (error != NULL, NULL);

  if (task == BT_TASK_SAVE)
    advice = save_advice (error, file);
  else if (task == BT_TASK_OPEN)
    advice = open_advice (error, file);
  else
    advice = _("Pre-alignment goes on without it, with fewer suggestions. Choose another "
               "dictionary in Preferences, or reset it to the one installed with Bitext.");
  return g_strdup_printf ("%s\n\n%s", error->message, advice);
}

/* Changes on disk */

static char *
query_etag (GFile *file)
{
  g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                  G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;
  return g_strdup (g_file_info_get_etag (info));
}

void
_bt_window_errors_track_file (BtWindow *self)
{
  g_return_if_fail (BT_IS_WINDOW (self));

  g_object_set_data_full (G_OBJECT (self), ETAG_KEY,
                          self->file != NULL ? query_etag (self->file) : NULL, g_free);
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       BtWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "bt-file");
  gboolean then_close = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "bt-close"));

  if (!g_str_equal (response, "save") || self->review == NULL)
    return;
  /* What is on disk now is what the reviewer chose to replace. */
  g_object_set_data_full (G_OBJECT (self), ETAG_KEY, query_etag (file), g_free);
  _bt_window_save_to (self, file, then_close);
}

gboolean
_bt_window_ask_overwrite (BtWindow *self,
                          GFile    *file,
                          gboolean  then_close)
{
  const char *known = g_object_get_data (G_OBJECT (self), ETAG_KEY);
  g_autofree char *now = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (BT_IS_WINDOW (self), FALSE);

  if (known == NULL || self->file == NULL || !g_file_equal (file, self->file))
    return FALSE;
  now = query_etag (file);
  if (now == NULL || g_str_equal (now, known))
    return FALSE;
  name = g_file_get_basename (file);
  body = g_strdup_printf (_("“%s” was changed by another program since you opened it. Saving "
                            "replaces those changes with this review; Save As keeps both."),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "bt-file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "bt-close", GINT_TO_POINTER (then_close));
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Failures */

void
_bt_window_show_open_error (BtWindow     *self,
                            GFile        *file,
                            const GError *error)
{
  g_autofree char *message = NULL;

  g_return_if_fail (BT_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  message = bt_error_explain (error, BT_TASK_OPEN, file);
  _bt_window_show_error (self, message);
}


void
_bt_window_show_save_error (BtWindow     *self,
                            GFile        *file,
                            const GError *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (BT_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  body = bt_error_explain (error, BT_TASK_SAVE, file);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Review Was Not Saved"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
