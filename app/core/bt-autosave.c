/* bt-autosave.c: recovery copies of reviews with unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include "bt-autosave.h"
#include "bt-error.h"
#include "bt-safe-write.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"

#define GROUP "Recovery"

struct _BtAutosave
{
  GObject   parent_instance;

  BtReview *review;
  char     *dir;
  char     *id;
  char     *copy_path;
  char     *info_path;
  char     *review_path;

  /* scheduling */
  guint     delay_ms;
  guint     timeout_id;
  gboolean  writing;
  gboolean  pending;
  guint     n_writes;
  GError   *error;
};

G_DEFINE_FINAL_TYPE (BtAutosave, bt_autosave, G_TYPE_OBJECT)

enum
{
  SIGNAL_WRITTEN,
  SIGNAL_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Ids of the copies this process keeps, which are never offered back. */
static GMutex live_lock;
static GHashTable *live_ids;

static void
live_ids_change (const char *id,
                 gboolean    add)
{
  g_mutex_lock (&live_lock);
  if (live_ids == NULL)
    live_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (add)
    g_hash_table_add (live_ids, g_strdup (id));
  else
    g_hash_table_remove (live_ids, id);
  g_mutex_unlock (&live_lock);
}

static gboolean
live_ids_contain (const char *id)
{
  gboolean found;

  g_mutex_lock (&live_lock);
  found = live_ids != NULL && g_hash_table_contains (live_ids, id);
  g_mutex_unlock (&live_lock);
  return found;
}

char *
bt_autosave_get_default_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "bitext", NULL);
}

void
bt_recovery_free (BtRecovery *recovery)
{
  if (recovery == NULL)
    return;
  g_free (recovery->id);
  g_free (recovery->copy_path);
  g_free (recovery->review_path);
  g_free (recovery->source_name);
  g_free (recovery->target_name);
  g_free (recovery);
}

/* Writing */

typedef struct
{
  BtReview *snapshot;
  char     *dir;
  char     *copy_path;
  char     *info_path;
  char     *info;
} WriteJob;

static void
write_job_free (WriteJob *job)
{
  g_clear_object (&job->snapshot);
  g_free (job->dir);
  g_free (job->copy_path);
  g_free (job->info_path);
  g_free (job->info);
  g_free (job);
}

static char *
build_info (BtAutosave *self)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autofree char *uri = NULL;

  if (self->review_path != NULL)
    uri = g_filename_to_uri (self->review_path, NULL, NULL);
  if (uri != NULL)
    g_key_file_set_string (key_file, GROUP, "Review", uri);
  g_key_file_set_string (key_file, GROUP, "Source",
                         bt_document_get_name (bt_review_get_source (self->review)));
  g_key_file_set_string (key_file, GROUP, "Target",
                         bt_document_get_name (bt_review_get_target (self->review)));
  g_key_file_set_int64 (key_file, GROUP, "Saved", g_get_real_time () / G_USEC_PER_SEC);
  g_key_file_set_int64 (key_file, GROUP, "Process", getpid ());
  return g_key_file_to_data (key_file, NULL, NULL);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteJob *job = task_data;
  GError *error = NULL;

  /* The copy goes first: metadata without its copy is never listed. */
  if (g_mkdir_with_parents (job->dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, BT_ERROR, BT_ERROR_IO,
                               _("Could not create the folder “%s” for recovery copies: %s"),
                               job->dir, g_strerror (saved_errno));
      return;
    }
  if (!bt_xliff_write_file (job->snapshot, job->copy_path, &error) ||
      !bt_safe_write (job->info_path, job->info, strlen (job->info), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
remove_files (BtAutosave *self,
              gboolean    notify)
{
  gboolean removed = g_unlink (self->info_path) == 0;

  removed |= g_unlink (self->copy_path) == 0;
  if (removed && notify)
    g_signal_emit (self, signals[SIGNAL_REMOVED], 0);
}

static void schedule (BtAutosave *self);

static void
write_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (BtAutosave) self = user_data;
  GApplication *application = g_application_get_default ();

  self->writing = FALSE;
  g_clear_error (&self->error);
  if (g_task_propagate_boolean (G_TASK (result), &self->error))
    self->n_writes++;
  else
    g_debug ("%s", self->error->message);
  if (application != NULL)
    g_application_release (application);
  g_signal_emit (self, signals[SIGNAL_WRITTEN], 0);

  /* The review may have been saved while the copy was written. */
  if (self->review == NULL || !bt_review_get_modified (self->review))
    remove_files (self, self->review != NULL);
  else if (self->pending)
    {
      self->pending = FALSE;
      schedule (self);
    }
}

static void
start_write (BtAutosave *self)
{
  /* The task does not hold @self: its worker may drop the task after the
   * callback, and @self must then be released here, on the main thread. */
  g_autoptr (GTask) task = g_task_new (NULL, NULL, write_done_cb, g_object_ref (self));
  GApplication *application = g_application_get_default ();
  WriteJob *job = g_new0 (WriteJob, 1);

  job->snapshot = bt_review_copy (self->review);
  job->dir = g_strdup (self->dir);
  job->copy_path = g_strdup (self->copy_path);
  job->info_path = g_strdup (self->info_path);
  job->info = build_info (self);
  g_task_set_task_data (task, job, (GDestroyNotify) write_job_free);
  g_task_set_source_tag (task, start_write);
  self->writing = TRUE;
  /* Quitting waits for the copy, so that it is complete or absent. */
  if (application != NULL)
    g_application_hold (application);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
timeout_cb (gpointer user_data)
{
  BtAutosave *self = user_data;

  self->timeout_id = 0;
  if (!bt_review_get_modified (self->review))
    return G_SOURCE_REMOVE;
  if (self->writing)
    self->pending = TRUE;
  else
    start_write (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (BtAutosave *self)
{
  if (self->timeout_id != 0 || !bt_review_get_modified (self->review))
    return;
  self->timeout_id = g_timeout_add (self->delay_ms, timeout_cb, self);
}

static void
modified_cb (BtAutosave *self)
{
  if (bt_review_get_modified (self->review))
    {
      schedule (self);
      return;
    }
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->pending = FALSE;
  if (!self->writing)
    remove_files (self, TRUE);
}

/* Object */

static void
bt_autosave_dispose (GObject *object)
{
  BtAutosave *self = BT_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->review != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->review, self);
      g_clear_object (&self->review);
      if (!self->writing)
        remove_files (self, FALSE);
    }

  G_OBJECT_CLASS (bt_autosave_parent_class)->dispose (object);
}

static void
bt_autosave_finalize (GObject *object)
{
  BtAutosave *self = BT_AUTOSAVE (object);

  live_ids_change (self->id, FALSE);
  g_free (self->dir);
  g_free (self->id);
  g_free (self->copy_path);
  g_free (self->info_path);
  g_free (self->review_path);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (bt_autosave_parent_class)->finalize (object);
}

static void
bt_autosave_class_init (BtAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bt_autosave_dispose;
  object_class->finalize = bt_autosave_finalize;

  signals[SIGNAL_WRITTEN] = g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bt_autosave_init (BtAutosave *self)
{
  self->delay_ms = BT_AUTOSAVE_DEFAULT_DELAY_MS;
}

BtAutosave *
bt_autosave_new (BtReview   *review,
                 const char *dir,
                 const char *review_path)
{
  BtAutosave *self;
  g_autofree char *copy_name = NULL;
  g_autofree char *info_name = NULL;

  g_return_val_if_fail (BT_IS_REVIEW (review), NULL);

  self = g_object_new (BT_TYPE_AUTOSAVE, NULL);
  self->review = g_object_ref (review);
  self->dir = dir != NULL ? g_strdup (dir) : bt_autosave_get_default_dir ();
  self->id = g_uuid_string_random ();
  self->review_path = g_strdup (review_path);
  copy_name = g_strconcat (self->id, ".xlf", NULL);
  info_name = g_strconcat (self->id, ".ini", NULL);
  self->copy_path = g_build_filename (self->dir, copy_name, NULL);
  self->info_path = g_build_filename (self->dir, info_name, NULL);
  live_ids_change (self->id, TRUE);

  g_signal_connect_swapped (review, "changed", G_CALLBACK (schedule), self);
  g_signal_connect_swapped (review, "notify::modified", G_CALLBACK (modified_cb), self);
  schedule (self);
  return self;
}

BtReview *
bt_autosave_get_review (BtAutosave *self)
{
  g_return_val_if_fail (BT_IS_AUTOSAVE (self), NULL);

  return self->review;
}

const char *
bt_autosave_get_id (BtAutosave *self)
{
  g_return_val_if_fail (BT_IS_AUTOSAVE (self), NULL);

  return self->id;
}

const char *
bt_autosave_get_copy_path (BtAutosave *self)
{
  g_return_val_if_fail (BT_IS_AUTOSAVE (self), NULL);

  return self->copy_path;
}

void
bt_autosave_set_review_path (BtAutosave *self,
                             const char *review_path)
{
  g_return_if_fail (BT_IS_AUTOSAVE (self));

  g_free (self->review_path);
  self->review_path = g_strdup (review_path);
}

void
bt_autosave_set_delay (BtAutosave *self,
                       guint       milliseconds)
{
  g_return_if_fail (BT_IS_AUTOSAVE (self));

  self->delay_ms = milliseconds;
  if (self->timeout_id != 0)
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      schedule (self);
    }
}

guint
bt_autosave_get_n_writes (BtAutosave *self)
{
  g_return_val_if_fail (BT_IS_AUTOSAVE (self), 0);

  return self->n_writes;
}

const GError *
bt_autosave_get_error (BtAutosave *self)
{
  g_return_val_if_fail (BT_IS_AUTOSAVE (self), NULL);

  return self->error;
}

/* Recovery */

static gboolean
process_alive (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT || pid == getpid ())
    return FALSE;
  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static BtRecovery *
read_recovery (const char *dir,
               const char *info_name)
{
  g_autoptr (GKeyFile) key_file = g_key_file_new ();
  g_autoptr (BtRecovery) recovery = g_new0 (BtRecovery, 1);
  g_autofree char *info_path = g_build_filename (dir, info_name, NULL);
  g_autofree char *copy_name = NULL;
  g_autofree char *uri = NULL;

  recovery->id = g_strndup (info_name, strlen (info_name) - strlen (".ini"));
  if (live_ids_contain (recovery->id) ||
      !g_key_file_load_from_file (key_file, info_path, G_KEY_FILE_NONE, NULL) ||
      process_alive (g_key_file_get_int64 (key_file, GROUP, "Process", NULL)))
    return NULL;
  copy_name = g_strconcat (recovery->id, ".xlf", NULL);
  recovery->copy_path = g_build_filename (dir, copy_name, NULL);
  if (!g_file_test (recovery->copy_path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  uri = g_key_file_get_string (key_file, GROUP, "Review", NULL);
  if (uri != NULL)
    recovery->review_path = g_filename_from_uri (uri, NULL, NULL);
  recovery->source_name = g_key_file_get_string (key_file, GROUP, "Source", NULL);
  recovery->target_name = g_key_file_get_string (key_file, GROUP, "Target", NULL);
  recovery->saved_at = g_key_file_get_int64 (key_file, GROUP, "Saved", NULL);
  return g_steal_pointer (&recovery);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const BtRecovery *x = *(BtRecovery * const *) a;
  const BtRecovery *y = *(BtRecovery * const *) b;

  if (x->saved_at != y->saved_at)
    return x->saved_at < y->saved_at ? 1 : -1;
  return g_strcmp0 (x->id, y->id);
}

GPtrArray *
bt_autosave_list_recoveries (const char *dir)
{
  GPtrArray *recoveries = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_recovery_free);
  g_autofree char *default_dir = dir == NULL ? bt_autosave_get_default_dir () : NULL;
  g_autoptr (GDir) folder = g_dir_open (dir != NULL ? dir : default_dir, 0, NULL);
  const char *name;

  if (folder == NULL)
    return recoveries;
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      BtRecovery *recovery;

      if (!g_str_has_suffix (name, ".ini") || g_str_has_prefix (name, "."))
        continue;
      recovery = read_recovery (dir != NULL ? dir : default_dir, name);
      if (recovery != NULL)
        g_ptr_array_add (recoveries, recovery);
    }
  g_ptr_array_sort (recoveries, compare_newest_first);
  return recoveries;
}

/* A loaded review is marked saved; a recovered one has changes nobody
 * saved, so it takes an edit that changes nothing and forgets it. */
static void
mark_modified (BtReview *review)
{
  double threshold = bt_review_get_threshold (review);

  bt_review_set_threshold (review, threshold + 1.0);
  bt_review_set_threshold (review, threshold);
  bt_review_clear_history (review);
}

BtReview *
bt_recovery_load (BtRecovery  *recovery,
                  GError     **error)
{
  BtReview *review;

  g_return_val_if_fail (recovery != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  review = bt_xliff_read_file (recovery->copy_path, NULL, error);
  if (review != NULL)
    mark_modified (review);
  return review;
}

gboolean
bt_recovery_remove (BtRecovery  *recovery,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *info_name = NULL;
  g_autofree char *info_path = NULL;

  g_return_val_if_fail (recovery != NULL, FALSE);

  dir = g_path_get_dirname (recovery->copy_path);
  info_name = g_strconcat (recovery->id, ".ini", NULL);
  info_path = g_build_filename (dir, info_name, NULL);
  if ((g_unlink (info_path) != 0 && errno != ENOENT) ||
      (g_unlink (recovery->copy_path) != 0 && errno != ENOENT))
    {
      int saved_errno = errno;

      g_set_error (error, BT_ERROR, BT_ERROR_IO, _("Could not remove the recovery copy “%s”: %s"),
                   recovery->copy_path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
