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

BtLoadProgress *
bt_load_progress_new (void)
{
  BtLoadProgress *progress = g_atomic_rc_box_new0 (BtLoadProgress);

  progress->per_mille = -1;
  return progress;
}

BtLoadProgress *
bt_load_progress_ref (BtLoadProgress *progress)
{
  return g_atomic_rc_box_acquire (progress);
}

void
bt_load_progress_unref (BtLoadProgress *progress)
{
  g_atomic_rc_box_release (progress);
}

double
bt_load_progress_get (BtLoadProgress *progress)
{
  int per_mille = g_atomic_int_get (&progress->per_mille);

  return per_mille < 0 ? -1 : per_mille / 1000.0;
}

typedef struct
{
  GFile          *files[2];
  guint           n_files;
  BtLoadProgress *progress;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  for (guint i = 0; i < job->n_files; i++)
    g_clear_object (&job->files[i]);
  g_clear_pointer (&job->progress, bt_load_progress_unref);
  g_free (job);
}

static void
report_cb (double   fraction,
           gpointer user_data)
{
  BtLoadProgress *progress = user_data;

  g_atomic_int_set (&progress->per_mille, (int) (fraction * 1000));
}

gboolean
bt_loader_is_review_file (GFile *file)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  return name != NULL && (g_str_has_suffix (name, ".xlf") || g_str_has_suffix (name, ".xliff"));
}

/* Reading a text takes about as long as segmenting it. */
#define READ_SHARE 0.5

/* Reading and segmenting a text, reporting to @progress. */
static BtDocument *
load_document (GFile             *file,
               BtLanguage         language,
               const BtProgress  *progress,
               GCancellable      *cancellable,
               GError           **error)
{
  BtProgress read_part = bt_progress_part (progress, 0, READ_SHARE);
  BtProgress segment_part = bt_progress_part (progress, READ_SHARE, 1);
  g_autoptr (BtText) text = NULL;
  g_autoptr (BtDocument) document = NULL;
  g_autofree char *name = NULL;

  text = bt_text_new_from_file_full (file, NULL, &read_part, cancellable, error);
  if (text == NULL)
    return NULL;
  document = bt_document_new_from_text_full (text, language, BT_PARAGRAPH_MODE_AUTO,
                                             &segment_part, cancellable, error);
  if (document == NULL)
    return NULL;
  name = g_file_get_basename (file);
  bt_document_set_name (document, name);
  return g_steal_pointer (&document);
}

/* Each file's share of the opening goes by its size. */
static double
size_share (GFile **files)
{
  guint64 sizes[2] = { 0, 0 };

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GFileInfo) info = g_file_query_info (files[i], G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                      G_FILE_QUERY_INFO_NONE, NULL, NULL);

      sizes[i] = info != NULL ? (guint64) g_file_info_get_size (info) : 0;
    }
  return sizes[0] + sizes[1] > 0 ? (double) sizes[0] / (double) (sizes[0] + sizes[1]) : 0.5;
}

static BtReview *
open_pair (OpenJob           *job,
           const BtProgress  *progress,
           GCancellable      *cancellable,
           GError           **error)
{
  double share = size_share (job->files);
  BtProgress source_part = bt_progress_part (progress, 0, share);
  BtProgress target_part = bt_progress_part (progress, share, 1);
  g_autoptr (BtDocument) source = NULL;
  g_autoptr (BtDocument) target = NULL;

  source = load_document (job->files[0], BT_LANGUAGE_ZH, &source_part, cancellable, error);
  if (source == NULL)
    return NULL;
  target = load_document (job->files[1], BT_LANGUAGE_EN, &target_part, cancellable, error);
  if (target == NULL)
    return NULL;

  return bt_review_new (source, target);
}

/* Splitting segments the text three times. */
#define BILINGUAL_READ_SHARE 0.2

static BtReview *
open_bilingual (OpenJob           *job,
                const BtProgress  *progress,
                GCancellable      *cancellable,
                GError           **error)
{
  GFile *file = job->files[0];
  BtProgress read_part = bt_progress_part (progress, 0, BILINGUAL_READ_SHARE);
  BtProgress split_part = bt_progress_part (progress, BILINGUAL_READ_SHARE, 1);
  g_autoptr (BtText) text = NULL;
  g_autoptr (BtDocument) source = NULL;
  g_autoptr (BtDocument) target = NULL;
  g_autofree char *name = NULL;

  text = bt_text_new_from_file_full (file, NULL, &read_part, cancellable, error);
  if (text == NULL)
    return NULL;
  if (!bt_bilingual_split_full (text, BT_PARAGRAPH_MODE_AUTO, &split_part, cancellable,
                                &source, &target, error))
    return NULL;

  name = g_file_get_basename (file);
  bt_document_set_name (source, name);
  bt_document_set_name (target, name);
  return bt_review_new (source, target);
}

static BtReview *
open_review (GFile             *file,
             const BtProgress  *progress,
             GCancellable      *cancellable,
             GError           **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = NULL;

  if (path == NULL)
    {
      name = g_file_get_basename (file);
      g_set_error (error, BT_ERROR, BT_ERROR_IO, _("%s: only local files can be opened"), name);
      return NULL;
    }
  return bt_xliff_read_file_full (path, progress, cancellable, NULL, error);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  BtProgress progress = bt_progress_init (report_cb, job->progress);
  GError *error = NULL;
  BtReview *review;

  /* Cancel answers at once; the thread's late result is dropped. */
  if (!g_task_set_return_on_cancel (task, TRUE))
    {
      g_task_return_error_if_cancelled (task);
      return;
    }
  if (job->n_files == 2)
    review = open_pair (job, &progress, cancellable, &error);
  else if (bt_loader_is_review_file (job->files[0]))
    review = open_review (job->files[0], &progress, cancellable, &error);
  else
    review = open_bilingual (job, &progress, cancellable, &error);

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
                      BtLoadProgress       *progress,
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
  job->progress = progress != NULL ? bt_load_progress_ref (progress) : bt_load_progress_new ();
  for (guint i = 0; i < n_files; i++)
    job->files[i] = g_object_ref (files[i]);

  task = g_task_new (NULL, cancellable, callback, user_data);
  if (n_files == 2 || !bt_loader_is_review_file (files[0]))
    g_object_set_data (G_OBJECT (task), "bt-needs-alignment", GINT_TO_POINTER (TRUE));
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

gboolean
bt_loader_needs_alignment (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_object_get_data (G_OBJECT (result), "bt-needs-alignment") != NULL;
}

/* Aligning */

typedef struct
{
  BtDocument *source;
  BtDocument *target;
} AlignJob;

typedef struct
{
  BtAlignment *alignment;
  GError      *dictionary_error;
} AlignResult;

static void
align_job_free (AlignJob *job)
{
  g_clear_object (&job->source);
  g_clear_object (&job->target);
  g_free (job);
}

static void
align_result_free (AlignResult *result)
{
  g_clear_pointer (&result->alignment, bt_alignment_free);
  g_clear_error (&result->dictionary_error);
  g_free (result);
}

/* The dictionary is loaded once per path and process; its index is large. */
static BtDictionary *
shared_dictionary (GError **error)
{
  static GMutex mutex;
  static char *loaded_path;
  static BtDictionary *dictionary;
  static GError *load_error;
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&mutex);
  g_autofree char *path = bt_dictionary_find_default ();

  if (path == NULL)
    return NULL;
  if (g_strcmp0 (path, loaded_path) != 0)
    {
      g_clear_pointer (&dictionary, bt_dictionary_unref);
      g_clear_error (&load_error);
      g_free (loaded_path);
      loaded_path = g_strdup (path);
      dictionary = bt_dictionary_load (path, &load_error);
    }
  if (load_error != NULL)
    {
      g_propagate_error (error, g_error_copy (load_error));
      return NULL;
    }
  return bt_dictionary_ref (dictionary);
}

static void
align_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AlignJob *job = task_data;
  AlignResult *result = g_new0 (AlignResult, 1);
  BtDictionary *dictionary = shared_dictionary (&result->dictionary_error);
  g_autoptr (BtAligner) aligner = bt_aligner_new (dictionary);
  GError *error = NULL;

  g_clear_pointer (&dictionary, bt_dictionary_unref);
  result->alignment = bt_aligner_run (aligner, job->source, job->target, cancellable, &error);
  if (result->alignment == NULL)
    {
      align_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) align_result_free);
}

void
bt_loader_align_async (BtReview            *review,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  AlignJob *job;

  g_return_if_fail (BT_IS_REVIEW (review));

  job = g_new0 (AlignJob, 1);
  /* Copies, so that edits to the review cannot race the thread. */
  job->source = bt_document_copy (bt_review_get_source (review));
  job->target = bt_document_copy (bt_review_get_target (review));
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bt_loader_align_async);
  g_task_set_task_data (task, job, (GDestroyNotify) align_job_free);
  g_task_run_in_thread (task, align_thread);
}

BtAlignment *
bt_loader_align_finish (GAsyncResult  *result,
                        GError       **dictionary_error,
                        GError       **error)
{
  AlignResult *aligned;
  BtAlignment *alignment;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  aligned = g_task_propagate_pointer (G_TASK (result), error);
  if (aligned == NULL)
    return NULL;
  if (aligned->dictionary_error != NULL)
    g_propagate_error (dictionary_error, g_steal_pointer (&aligned->dictionary_error));
  alignment = g_steal_pointer (&aligned->alignment);
  align_result_free (aligned);
  return alignment;
}
