/* bt-loader.h: opening files off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

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

G_END_DECLS
