/* test-chars.c: a text's code points, on the stack or the heap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-chars.h"

/* @unit repeated until the text has at least @min_bytes bytes. */
static char *
repeat (const char *unit,
        gsize       min_bytes)
{
  GString *s = g_string_new (NULL);

  while (s->len < min_bytes)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

static void
check_decoded (const char *text,
               gboolean    on_stack)
{
  BtChars chars;
  glong n = 0;
  g_autofree gunichar *expected = g_utf8_to_ucs4_fast (text, -1, &n);

  bt_chars_init (&chars, text);
  g_assert_cmpuint (chars.len, ==, (gsize) n);
  g_assert_true ((chars.data == chars.stack) == on_stack);
  for (glong i = 0; i < n; i++)
    g_assert_cmpuint (chars.data[i], ==, expected[i]);
  bt_chars_clear (&chars);
  g_assert_null (chars.data);
  g_assert_cmpuint (chars.len, ==, 0);
}

static void
test_empty (void)
{
  check_decoded ("", TRUE);
}

/* The last text that fits has one byte fewer than the room, for its nul. */
static void
test_boundary (void)
{
  g_autofree char *fits = repeat ("a", BT_CHARS_STACK - 1);
  g_autofree char *spills = repeat ("a", BT_CHARS_STACK);

  check_decoded (fits, TRUE);
  check_decoded (spills, FALSE);
}

/* Characters of one to four bytes, on either side of the room. */
static void
test_multibyte (void)
{
  const char *units[] = { "字", "é", "𠀀", "a字é𠀀。" };

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *small = repeat (units[i], BT_CHARS_STACK / 2);
      g_autofree char *large = repeat (units[i], 3 * BT_CHARS_STACK);

      check_decoded (small, strlen (small) < BT_CHARS_STACK);
      check_decoded (large, FALSE);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chars/empty", test_empty);
  g_test_add_func ("/chars/boundary", test_boundary);
  g_test_add_func ("/chars/multibyte", test_multibyte);

  return g_test_run ();
}
