/* test-csv.c: the CSV export of omissions and links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bt-csv-writer.h"
#include "bt-test-review.h"

static void
test_golden (void)
{
  g_autoptr(BtReview) review = bt_test_review_new_golden ();
  g_autoptr(GBytes) bytes = bt_csv_write_bytes (review);
  g_autofree char *path = g_build_filename (g_getenv ("BITEXT_FIXTURES_DIR"), "xliff", "golden.csv", NULL);
  g_autofree char *expected = NULL;
  gsize size = 0;

  if (g_getenv ("BITEXT_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_true (g_file_get_contents (path, &expected, &size, NULL));
  {
    g_autoptr(GBytes) expected_bytes = g_bytes_new_static (expected, size);

    g_assert_true (g_bytes_equal (bytes, expected_bytes));
  }
  g_assert_true (g_str_has_prefix (expected, "\xEF\xBB\xBF" "kind,source,target,"));
  g_assert_nonnull (strstr (expected, "\r\n"));
}

static void
test_quoting (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "plain 中文", "plain 中文" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "cr\r", "\"cr\r\"" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      bt_csv_append_field (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
}

/* Python's csv module reads back as many rows as there are links and
 * omissions, each with all fourteen columns. */
static void
test_random_parse (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("/usr/bin/python3 is missing");
      return;
    }
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(BtReview) review = bt_test_review_new_random (rand, 5);
      g_autoptr(GBytes) bytes = bt_csv_write_bytes (review);
      g_autofree char *path = NULL;
      g_autofree char *out = NULL;
      g_autofree char *expected = NULL;
      int fd = g_file_open_tmp ("bitext-XXXXXX.csv", &path, NULL);
      const char *argv[] = { "/usr/bin/python3", "-c",
        "import csv,sys; r=list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')));"
        "assert all(len(x)==14 for x in r); print(len(r)-1)", NULL, NULL };
      int status = 0;

      g_assert_cmpint (fd, >=, 0);
      close (fd);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
      argv[3] = path;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      expected = g_strdup_printf ("%u\n", bt_review_get_n_links (review) + bt_review_get_n_omissions (review));
      g_assert_cmpstr (out, ==, expected);
      g_unlink (path);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/golden", test_golden);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/random-parse", test_random_parse);

  return g_test_run ();
}
