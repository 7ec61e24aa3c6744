/* test-json.c: the JSON export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bt-json-writer.h"
#include "bt-test-review.h"

static void
test_golden (void)
{
  g_autoptr(BtReview) review = bt_test_review_new_golden ();
  g_autoptr(GBytes) bytes = bt_json_write_bytes (review);
  g_autofree char *path = g_build_filename (g_getenv ("BITEXT_FIXTURES_DIR"), "xliff", "golden.json", NULL);
  g_autofree char *expected = NULL;

  if (g_getenv ("BITEXT_UPDATE_GOLDEN") != NULL)
    g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  g_assert_true (g_file_get_contents (path, &expected, NULL, NULL));
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==, expected);
}

static void
test_escaping (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "plain 中文", "\"plain 中文\"" },
    { "q\"b\\", "\"q\\\"b\\\\\"" },
    { "a\nb\tc\r", "\"a\\nb\\tc\\r\"" },
    { "\x01\x1f", "\"\\u0001\\u001f\"" },
    { "]]></x>", "\"]]></x>\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      bt_json_append_string (out, cases[i].in);
      g_assert_cmpstr (out->str, ==, cases[i].out);
    }
}

/* Python's json module reads every random review's export. */
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
      g_autoptr(GBytes) bytes = bt_json_write_bytes (review);
      g_autofree char *path = NULL;
      g_autofree char *out = NULL;
      int fd = g_file_open_tmp ("bitext-XXXXXX.json", &path, NULL);
      const char *argv[] = { "/usr/bin/python3", "-c",
        "import json,sys; d=json.load(open(sys.argv[1])); "
        "print(len(d['source']['paragraphs']), len(d['target']['sentences']), len(d['links']), len(d['omissions']))",
        NULL, NULL };
      g_autofree char *expected = NULL;
      int status = 0;

      g_assert_cmpint (fd, >=, 0);
      close (fd);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
      argv[3] = path;
      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status, NULL));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      expected = g_strdup_printf ("%u %u %u %u\n",
                                  bt_document_get_n_paragraphs (bt_review_get_source (review)),
                                  bt_document_get_n_sentences (bt_review_get_target (review)),
                                  bt_review_get_n_links (review), bt_review_get_n_omissions (review));
      g_assert_cmpstr (out, ==, expected);
      g_unlink (path);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/golden", test_golden);
  g_test_add_func ("/json/escaping", test_escaping);
  g_test_add_func ("/json/random-parse", test_random_parse);

  return g_test_run ();
}
