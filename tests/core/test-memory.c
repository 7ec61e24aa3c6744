/* test-memory.c: large arrays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-memory.h"

#define N_LARGE (3 * BT_MEMORY_LARGE / sizeof (guint32))

static void
test_alloc0_zeroed (void)
{
  g_autofree guint32 *large = bt_memory_new0 (guint32, N_LARGE);
  g_autofree guint32 *small = bt_memory_new0 (guint32, 16);

  for (gsize i = 0; i < N_LARGE; i++)
    g_assert_cmpuint (large[i], ==, 0);
  for (gsize i = 0; i < 16; i++)
    g_assert_cmpuint (small[i], ==, 0);
  /* Every byte is the caller's, edges included. */
  large[0] = 1;
  large[N_LARGE - 1] = 2;
  g_assert_cmpuint (large[0] + large[N_LARGE - 1], ==, 3);
}

static void
test_alloc_writable (void)
{
  g_autofree guint32 *large = bt_memory_new (guint32, N_LARGE);

  for (gsize i = 0; i < N_LARGE; i++)
    large[i] = (guint32) i;
  for (gsize i = 0; i < N_LARGE; i += 4099)
    g_assert_cmpuint (large[i], ==, i);
}

/* Reserving keeps the length and the elements, and appending up to the
 * reserve does not move them. */
static void
test_array_reserve (void)
{
  g_autoptr (GArray) array = g_array_new (FALSE, FALSE, sizeof (guint32));
  gpointer data;

  for (guint32 i = 0; i < 10; i++)
    g_array_append_val (array, i);
  bt_memory_array_reserve (array, N_LARGE);
  g_assert_cmpuint (array->len, ==, 10);
  for (guint32 i = 0; i < 10; i++)
    g_assert_cmpuint (g_array_index (array, guint32, i), ==, i);
  data = array->data;
  for (guint32 i = 10; i < N_LARGE; i++)
    g_array_append_val (array, i);
  g_assert_true (array->data == data);
  g_assert_cmpuint (g_array_index (array, guint32, N_LARGE - 1), ==, N_LARGE - 1);

  /* Less than it holds changes nothing. */
  bt_memory_array_reserve (array, 5);
  g_assert_cmpuint (array->len, ==, N_LARGE);
}

static void
test_array_sized (void)
{
  g_autoptr (GArray) array = bt_memory_array_sized (sizeof (guint64), N_LARGE);
  gpointer data = array->data;

  g_assert_cmpuint (array->len, ==, 0);
  for (guint64 i = 0; i < N_LARGE; i++)
    g_array_append_val (array, i);
  g_assert_true (array->data == data);
  g_assert_cmpuint (g_array_index (array, guint64, 12345), ==, 12345);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/memory/alloc0-zeroed", test_alloc0_zeroed);
  g_test_add_func ("/memory/alloc-writable", test_alloc_writable);
  g_test_add_func ("/memory/array-reserve", test_array_reserve);
  g_test_add_func ("/memory/array-sized", test_array_sized);

  return g_test_run ();
}
