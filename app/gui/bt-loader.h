/* bt-loader.h: opening files off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bt-aligner.h"
#include "bt-review.h"

G_BEGIN_DECLS

/* Opens a review from @n_files files: a source and a target, one bilingual
 * file, or one saved review (.xlf). The work runs in a thread; the callback
 * runs in the caller's main context. */
void      bt_loader_open_async  (GFile               **files,
                                 guint                 n_files,
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
