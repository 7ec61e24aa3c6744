/* bt-loader.c: opening files off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-aligner.h"
#include "bt-bilingual.h"
#include "bt-error.h"
#include "bt-loader.h"
#include "bt-text.h"
#include "bt-xliff-reader.h"

typedef struct
{
  GFile *files[2];
  guint  n_files;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  for (guint i = 0; i < job->n_files; i++)
    g_clear_object (&job->files[i]);
  g_free (job);
}

gboolean
bt_loader_is_review_file (GFile *file)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  return name != NULL && (g_str_has_suffix (name, ".xlf") || g_str_has_suffix (name, ".xliff"));
}

static BtDocument *
load_document (GFile         *file,
               BtLanguage     language,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr (BtText) text = NULL;
  BtDocument *document;
  g_autofree char *name = NULL;

  text = bt_text_new_from_file (file, NULL, cancellable, error);
  if (text == NULL)
    return NULL;

  document = bt_document_new_from_text (text, language, BT_PARAGRAPH_MODE_AUTO);
  name = g_file_get_basename (file);
  bt_document_set_name (document, name);
  return document;
}

/* Pre-aligns a new review; without a dictionary the aligner still uses
 * names, numbers, lengths and positions. */
static BtReview *
new_aligned_review (BtDocument    *source,
                    BtDocument    *target,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr (BtReview) review = bt_review_new (source, target);
  g_autofree char *path = bt_dictionary_find_default ();
  BtDictionary *dictionary = NULL;
  g_autoptr (BtAligner) aligner = NULL;
  g_autoptr (BtAlignment) alignment = NULL;

  if (path != NULL)
    dictionary = bt_dictionary_load (path, NULL);
  aligner = bt_aligner_new (dictionary);
  g_clear_pointer (&dictionary, bt_dictionary_unref);
  alignment = bt_aligner_run (aligner, source, target, cancellable, error);
  if (alignment == NULL)
    return NULL;
  bt_alignment_apply (alignment, review);
  return g_steal_pointer (&review);
}

static BtReview *
open_pair (GFile         *source_file,
           GFile         *target_file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr (BtDocument) source = NULL;
  g_autoptr (BtDocument) target = NULL;

  source = load_document (source_file, BT_LANGUAGE_ZH, cancellable, error);
  if (source == NULL)
    return NULL;
  target = load_document (target_file, BT_LANGUAGE_EN, cancellable, error);
  if (target == NULL)
    return NULL;

  return new_aligned_review (source, target, cancellable, error);
}

static BtReview *
open_bilingual (GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr (BtText) text = NULL;
  g_autoptr (BtDocument) source = NULL;
  g_autoptr (BtDocument) target = NULL;
  g_autofree char *name = NULL;

  text = bt_text_new_from_file (file, NULL, cancellable, error);
  if (text == NULL)
    return NULL;
  if (!bt_bilingual_split (text, BT_PARAGRAPH_MODE_AUTO, &source, &target, error))
    return NULL;

  name = g_file_get_basename (file);
  bt_document_set_name (source, name);
  bt_document_set_name (target, name);
  return new_aligned_review (source, target, cancellable, error);
}

static BtReview *
open_review (GFile         *file,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;

  if (path == NULL)
    {
      name = g_file_get_basename (file);
      g_set_error (error, BT_ERROR, BT_ERROR_IO, _("%s: only local files can be opened"), name);
      return NULL;
    }
  return bt_xliff_read_file (path, NULL, error);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;
  BtReview *review;

  if (job->n_files == 2)
    review = open_pair (job->files[0], job->files[1], cancellable, &error);
  else if (bt_loader_is_review_file (job->files[0]))
    review = open_review (job->files[0], cancellable, &error);
  else
    review = open_bilingual (job->files[0], cancellable, &error);

  if (review == NULL)
    g_task_return_error (task, error);
  else
    {
      bt_review_clear_history (review);
      bt_review_mark_saved (review);
      g_task_return_pointer (task, review, g_object_unref);
    }
}

static GPtrArray *
files_array (GFile **files,
             guint   n_files)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (array, g_object_ref (files[i]));
  return array;
}

void
bt_loader_open_async (GFile               **files,
                      guint                 n_files,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr (GTask) task = NULL;
  OpenJob *job;

  g_return_if_fail (files != NULL);
  g_return_if_fail (n_files == 1 || n_files == 2);

  job = g_new0 (OpenJob, 1);
  job->n_files = n_files;
  for (guint i = 0; i < n_files; i++)
    job->files[i] = g_object_ref (files[i]);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_object_set_data_full (G_OBJECT (task), "bt-files", files_array (files, n_files),
                          (GDestroyNotify) g_ptr_array_unref);
  if (n_files == 1 && bt_loader_is_review_file (files[0]))
    g_object_set_data_full (G_OBJECT (task), "bt-review-file", g_object_ref (files[0]),
                            g_object_unref);
  g_task_set_source_tag (task, bt_loader_open_async);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  g_task_run_in_thread (task, open_thread);
}

BtReview *
bt_loader_open_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
