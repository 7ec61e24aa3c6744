/* bt-memory.c: large arrays that are cheap to fill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-memory.h"

#ifdef HAVE_SYS_MMAN_H
#include <sys/mman.h>
#include <unistd.h>
#endif

void
bt_memory_advise (gpointer data,
                  gsize    size)
{
#if defined(HAVE_SYS_MMAN_H) && defined(MADV_HUGEPAGE)
  static gsize page;
  guintptr start, end;

  if (data == NULL || size < BT_MEMORY_LARGE)
    return;
  if (g_once_init_enter (&page))
    g_once_init_leave (&page, (gsize) MAX (sysconf (_SC_PAGESIZE), 1));
  /* Only whole pages of the block: its edges may share theirs. */
  start = ((guintptr) data + page - 1) / page * page;
  end = ((guintptr) data + size) / page * page;
  /* Advice is only advice: a system without huge pages refuses it, and
   * the block works all the same. */
  if (end > start)
    (void) madvise ((void *) start, end - start, MADV_HUGEPAGE);
#else
  (void) data;
  (void) size;
#endif
}

gpointer
bt_memory_alloc (gsize n,
                 gsize size)
{
  gpointer data = g_malloc_n (n, size);

  bt_memory_advise (data, n * size);
  return data;
}

gpointer
bt_memory_alloc0 (gsize n,
                  gsize size)
{
  gpointer data = g_malloc0_n (n, size);

  bt_memory_advise (data, n * size);
  return data;
}

GArray *
bt_memory_array_sized (guint element_size,
                       guint reserve)
{
  GArray *array = g_array_sized_new (FALSE, FALSE, element_size, reserve);

  bt_memory_advise (array->data, (gsize) reserve * element_size);
  return array;
}

void
bt_memory_array_reserve (GArray *array,
                         guint   n)
{
  guint len;

  g_return_if_fail (array != NULL);

  len = array->len;
  if (n <= len)
    return;
  g_array_set_size (array, n);
  g_array_set_size (array, len);
  bt_memory_advise (array->data, (gsize) n * g_array_get_element_size (array));
}
