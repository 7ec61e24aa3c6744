/* bt-fuzz.h: what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

G_BEGIN_DECLS

int   LLVMFuzzerTestOneInput (const guint8 *data,
                              size_t        size);

/* Valid UTF-8 from any bytes: invalid sequences become U+FFFD. */
static inline char *
bt_fuzz_make_utf8 (const guint8 *data,
                   size_t        size)
{
  return g_utf8_make_valid ((const char *) data, size);
}

G_END_DECLS
