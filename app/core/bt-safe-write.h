/* bt-safe-write.h: replace a file so that a failure leaves the old one whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @data to a temporary file beside @path, flushes it to disk and
 * renames it over @path. On failure @path is untouched and the temporary
 * file is removed. */
gboolean bt_safe_write (const char  *path,
                        const void  *data,
                        gsize        size,
                        GError     **error);

G_END_DECLS
