/* bt-autosave.h: recovery copies of reviews with unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bt-review.h"

G_BEGIN_DECLS

/* A change is written out at most this long after it was made. */
#define BT_AUTOSAVE_DEFAULT_DELAY_MS 5000

/* One recovery copy left behind by a process that did not close its review. */
typedef struct
{
  char   *id;            /* names the copy: ID.xlf and ID.ini in the folder */
  char   *copy_path;     /* the XLIFF 2.1 copy */
  char   *review_path;   /* the file the review was opened from, or NULL */
  char   *source_name;   /* the source document's name */
  char   *target_name;
  gint64  saved_at;      /* Unix time of the copy, in seconds */
} BtRecovery;

void        bt_recovery_free                (BtRecovery  *recovery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtRecovery, bt_recovery_free)

#define BT_TYPE_AUTOSAVE (bt_autosave_get_type ())
G_DECLARE_FINAL_TYPE (BtAutosave, bt_autosave, BT, AUTOSAVE, GObject)

/* $XDG_STATE_HOME/bitext */
char       *bt_autosave_get_default_dir     (void);

/* Watches @review: while it has unsaved changes, a copy is written in a
 * thread to @dir (NULL for the default) within the delay of each change.
 * The copy is removed when the review is marked saved and when the
 * autosave is finalised, since that only happens on a clean close.
 * @review_path is the file the review belongs to, or NULL. */
BtAutosave *bt_autosave_new                 (BtReview    *review,
                                             const char  *dir,
                                             const char  *review_path);
BtReview   *bt_autosave_get_review          (BtAutosave  *self);
const char *bt_autosave_get_id              (BtAutosave  *self);
const char *bt_autosave_get_copy_path       (BtAutosave  *self);
void        bt_autosave_set_review_path     (BtAutosave  *self,
                                             const char  *review_path);
void        bt_autosave_set_delay           (BtAutosave  *self,
                                             guint        milliseconds);
/* Number of copies written so far. */
guint       bt_autosave_get_n_writes        (BtAutosave  *self);
/* The last write's error, or NULL. */
const GError *bt_autosave_get_error         (BtAutosave  *self);

/* Recovery copies in @dir (NULL for the default) whose process is gone,
 * newest first; never those of the running process. */
GPtrArray  *bt_autosave_list_recoveries     (const char  *dir);
/* Opens the copy; the review comes back marked modified. */
BtReview   *bt_recovery_load                (BtRecovery  *recovery,
                                             GError     **error);
/* Removes the copy and its metadata. */
gboolean    bt_recovery_remove              (BtRecovery  *recovery,
                                             GError     **error);

G_END_DECLS

/* Signals:
 *   "written" (): a copy was written (or its write failed: see get_error)
 *   "removed" (): the copy was removed */
