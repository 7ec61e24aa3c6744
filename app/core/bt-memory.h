/* bt-memory.h: large arrays that are cheap to fill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first write to each page of a fresh block costs a trip into the
 * kernel; on a block of many megabytes (a million paragraphs) those trips
 * cost more than the work. These ask for the block to be backed by huge
 * pages where the system offers them, one trip per 2 MiB. Blocks under
 * BT_MEMORY_LARGE bytes are left as they are. */
#define BT_MEMORY_LARGE (2u * 1024 * 1024)

/* Advises on @size bytes at @data, allocated by the caller. */
void      bt_memory_advise        (gpointer  data,
                                   gsize     size);
/* g_new() and g_new0() of @n blocks of @size bytes, advised. */
gpointer  bt_memory_alloc         (gsize     n,
                                   gsize     size);
gpointer  bt_memory_alloc0        (gsize     n,
                                   gsize     size);
/* g_array_sized_new() with room for @reserve elements, advised. */
GArray   *bt_memory_array_sized   (guint     element_size,
                                   guint     reserve);
/* Room for @n elements of @array at once, advised; its length stays. */
void      bt_memory_array_reserve (GArray   *array,
                                   guint     n);

#define bt_memory_new(type, n) ((type *) bt_memory_alloc ((n), sizeof (type)))
#define bt_memory_new0(type, n) ((type *) bt_memory_alloc0 ((n), sizeof (type)))

G_END_DECLS
