/* bt-loader.h: opening files off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bt-aligner.h"
#include "bt-review.h"

G_BEGIN_DECLS

/* How far an opening has come, written by its thread: per mille, or -1
 * before the thread has begun. Atomic refcounted box. */
typedef struct
{
  int per_mille;
} BtLoadProgress;

BtLoadProgress *bt_load_progress_new   (void);
BtLoadProgress *bt_load_progress_ref   (BtLoadProgress *progress);
void            bt_load_progress_unref (BtLoadProgress *progress);
/* The fraction done, from 0 to 1, or -1 when unknown. */
double          bt_load_progress_get   (BtLoadProgress *progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtLoadProgress, bt_load_progress_unref)

/* Opens a review from @n_files files: a source and a target, one bilingual
 * file, or one saved review (.xlf). The work runs in a thread, which
 * reports to @progress (nullable) as it reads, decodes and segments, and
 * stops soon after @cancellable is cancelled; the callback runs in the
 * caller's main context, at once with G_IO_ERROR_CANCELLED then. */
void      bt_loader_open_async  (GFile               **files,
                                 guint                 n_files,
                                 BtLoadProgress       *progress,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data);
BtReview *bt_loader_open_finish (GAsyncResult         *result,
                                 GError              **error);

gboolean  bt_loader_is_review_file (GFile *file);
/* TRUE when the review opened by @result came from texts and still waits
 * for the aligner's suggestions (see bt_loader_align_async). */
gboolean  bt_loader_needs_alignment (GAsyncResult *result);

/* Runs the aligner on the review's documents in a thread, with the
 * dictionary, which is loaded once per process. */
void         bt_loader_align_async  (BtReview             *review,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
/* The alignment, or NULL with @error. @dictionary_error is set when the
 * dictionary could not be loaded; the alignment is then made without it. */
BtAlignment *bt_loader_align_finish (GAsyncResult         *result,
                                     GError              **dictionary_error,
                                     GError              **error);

G_END_DECLS
