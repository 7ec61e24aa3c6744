/* test-cli.c: bitext-cli segment and split, run as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

typedef struct
{
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs bitext-cli with the NULL-terminated arguments. */
static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("BITEXT_CLI");
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
seed_path (const char *name)
{
  const char *shared = g_getenv ("BITEXT_SHARED_DIR");

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("BITEXT_SHARED_DIR is not set or not a folder: no seed corpus");
      return NULL;
    }

  return g_build_filename (shared, "corpus", "seed", name, NULL);
}

/* A scratch folder removed with its files at the end of a test. */
static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bitext-cli-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static void
test_segment_seed_en (void)
{
  g_autofree char *path = seed_path ("en.txt");
  g_auto(Run) run = { NULL };
  g_auto(GStrv) lines = NULL;

  if (path == NULL)
    return;

  run_cli (&run, "segment", path, "--lang", "en", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (count_lines (run.out), ==, 30);

  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "1\t1\t0\t47\tWe will stay firmly rooted in Chinese culture. ");
  g_assert_true (g_str_has_prefix (lines[1], "1\t2\t47\t"));
  g_assert_true (g_str_has_prefix (lines[2], "1\t3\t"));
  g_assert_true (g_str_has_prefix (lines[3], "2\t1\t0\t"));
  g_assert_true (g_str_has_suffix (lines[29], "carbon neutrality. ■"));
  g_assert_true (g_str_has_prefix (lines[29], "27\t1\t0\t"));
}

static void
test_segment_tsv (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "zh.txt",
                                      "他说：“走吧。”然后走了。\n第二段,有\t制表符。\n", -1);
  g_auto(Run) run = { NULL };

  run_cli (&run, "segment", path, "--lang", "zh", "--format", "tsv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "1\t1\t0\t8\t他说：“走吧。”\n"
                   "1\t2\t8\t13\t然后走了。\n"
                   "2\t1\t0\t10\t第二段,有\\t制表符。\n");
  remove_dir (dir);
}

static void
test_segment_auto_language (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *zh = write_file (dir, "zh.txt", "今天开会。明天放假。", -1);
  g_autofree char *en = write_file (dir, "en.txt", "Dr. Li came. He left.", -1);
  g_auto(Run) run_zh = { NULL };
  g_auto(Run) run_en = { NULL };

  run_cli (&run_zh, "segment", zh, NULL);
  g_assert_cmpint (run_zh.status, ==, 0);
  g_assert_cmpstr (run_zh.out, ==, "1\t1\t0\t5\t今天开会。\n1\t2\t5\t10\t明天放假。\n");

  run_cli (&run_en, "segment", en, "--lang", "auto", NULL);
  g_assert_cmpint (run_en.status, ==, 0);
  g_assert_cmpstr (run_en.out, ==, "1\t1\t0\t13\tDr. Li came. \n1\t2\t13\t21\tHe left.\n");
  remove_dir (dir);
}

static void
test_segment_json (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "en.txt",
                                      "He said \"Go.\" Then\\left.\n\nSecond one.\n", -1);
  g_auto(Run) run = { NULL };

  run_cli (&run, "segment", path, "--lang", "en", "--format", "json",
           "--paragraphs", "lines", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "{\n"
                   "  \"language\": \"en\",\n"
                   "  \"paragraphs\": [\n"
                   "    {\"id\": \"p1\", \"line\": 1, \"text\": \"He said \\\"Go.\\\" Then\\\\left.\", "
                   "\"sentences\": [[0, 14], [14, 24]]},\n"
                   "    {\"id\": \"p2\", \"line\": 3, \"text\": \"Second one.\", "
                   "\"sentences\": [[0, 11]]}\n"
                   "  ]\n"
                   "}\n");
  remove_dir (dir);
}

static void
test_segment_blank_paragraphs (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "en.txt",
                                      "One line,\nwrapped. Next.\n\nAnother block.\n", -1);
  g_auto(Run) blank = { NULL };
  g_auto(Run) lines = { NULL };

  run_cli (&blank, "segment", path, "--lang", "en", "--paragraphs", "blank", NULL);
  g_assert_cmpint (blank.status, ==, 0);
  g_assert_cmpstr (blank.out, ==,
                   "1\t1\t0\t19\tOne line, wrapped. \n"
                   "1\t2\t19\t24\tNext.\n"
                   "2\t1\t0\t14\tAnother block.\n");

  run_cli (&lines, "segment", path, "--lang", "en", "--paragraphs", "lines", NULL);
  g_assert_cmpint (lines.status, ==, 0);
  g_assert_cmpuint (count_lines (lines.out), ==, 4);
  remove_dir (dir);
}

static void
test_segment_help (void)
{
  g_auto(Run) run = { NULL };

  run_cli (&run, "segment", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--lang"));
  g_assert_nonnull (strstr (run.out, "--format"));
  g_assert_nonnull (strstr (run.out, "--encoding"));
  g_assert_nonnull (strstr (run.out, "--paragraphs"));
  g_assert_nonnull (strstr (run.out, "counted from 1"));
}

typedef struct
{
  const char *args[6];
  const char *message;
} UsageCase;

static void
test_segment_usage (void)
{
  static const UsageCase cases[] = {
    { { "segment", NULL }, "one FILE" },
    { { "segment", "a.txt", "b.txt", NULL }, "one FILE" },
    { { "segment", "a.txt", "--lang", "fr", NULL }, "fr" },
    { { "segment", "a.txt", "--format", "xml", NULL }, "xml" },
    { { "segment", "a.txt", "--paragraphs", "pages", NULL }, "pages" },
    { { "segment", "a.txt", "--bogus", NULL }, "--bogus" },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      const char * const *a = cases[k].args;
      g_auto(Run) run = { NULL };

      run_cli (&run, a[0], a[1], a[2], a[3], a[4], a[5], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, cases[k].message));
    }
}

static void
test_segment_bad_input (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_autofree char *empty = write_file (dir, "empty.txt", "", 0);
  g_autofree char *binary = write_file (dir, "binary.txt", "ab\0cd", 5);
  g_autofree char *invalid = write_file (dir, "invalid.txt", "good line\nbad \xff byte\n", -1);
  const char *paths[] = { missing, empty, binary };
  g_auto(Run) run = { NULL };

  for (gsize k = 0; k < G_N_ELEMENTS (paths); k++)
    {
      g_auto(Run) one = { NULL };
      g_autofree char *base = g_path_get_basename (paths[k]);

      run_cli (&one, "segment", paths[k], NULL);
      g_assert_cmpint (one.status, ==, 1);
      g_assert_cmpstr (one.out, ==, "");
      g_assert_nonnull (strstr (one.err, base));
    }

  run_cli (&run, "segment", invalid, "--encoding", "UTF-8", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "invalid.txt"));
  g_assert_nonnull (strstr (run.err, "2"));
  remove_dir (dir);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_split_seed (void)
{
  g_autofree char *path = seed_path ("bilingual.txt");
  g_autofree char *zh_path = seed_path ("zh.txt");
  g_autofree char *en_path = seed_path ("en.txt");
  g_autofree char *dir = NULL;
  g_autofree char *source = NULL;
  g_autofree char *target = NULL;
  g_autofree char *source_text = NULL;
  g_autofree char *target_text = NULL;
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;
  g_auto(Run) run = { NULL };

  if (path == NULL)
    return;

  dir = make_dir ();
  source = g_build_filename (dir, "source.txt", NULL);
  target = g_build_filename (dir, "target.txt", NULL);
  run_cli (&run, "split", path, "--source", source, "--target", target, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, "22"));
  g_assert_nonnull (strstr (run.out, "27"));

  source_text = read_file (source);
  target_text = read_file (target);
  g_assert_cmpuint (count_lines (source_text), ==, 22);
  g_assert_cmpuint (count_lines (target_text), ==, 27);

  /* The seed's own halves, each with a final newline added. */
  zh = read_file (zh_path);
  en = read_file (en_path);
  g_assert_true (g_str_has_prefix (source_text, zh));
  g_assert_true (g_str_has_prefix (target_text, en));
  g_assert_cmpuint (strlen (source_text), <=, strlen (zh) + 1);
  g_assert_cmpuint (strlen (target_text), <=, strlen (en) + 1);
  remove_dir (dir);
}

static void
test_split_small (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "pair.txt",
                                      "Preface.\r\n第一段。\r\n第二段。\r\nFirst.\r\nSecond. ■", -1);
  g_autofree char *source = g_build_filename (dir, "zh.txt", NULL);
  g_autofree char *target = g_build_filename (dir, "en.txt", NULL);
  g_autofree char *source_text = NULL;
  g_autofree char *target_text = NULL;
  g_auto(Run) run = { NULL };

  run_cli (&run, "split", path, "--source", source, "--target", target, NULL);
  g_assert_cmpint (run.status, ==, 0);

  source_text = read_file (source);
  target_text = read_file (target);
  g_assert_cmpstr (source_text, ==, "第一段。\n第二段。\n");
  g_assert_cmpstr (target_text, ==, "Preface.\nFirst.\nSecond. ■\n");
  remove_dir (dir);
}

static void
test_split_failure_writes_nothing (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "english.txt", "Only English.\nMore English.\n", -1);
  g_autofree char *source = write_file (dir, "zh.txt", "old source\n", -1);
  g_autofree char *target = g_build_filename (dir, "en.txt", NULL);
  g_autofree char *source_text = NULL;
  g_autoptr(GDir) handle = NULL;
  guint n_files = 0;
  g_auto(Run) run = { NULL };

  run_cli (&run, "split", path, "--source", source, "--target", target, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "english.txt"));
  g_assert_cmpstr (run.out, ==, "");

  source_text = read_file (source);
  g_assert_cmpstr (source_text, ==, "old source\n");
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));

  handle = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (handle) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);
  remove_dir (dir);
}

static void
test_split_unwritable (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "pair.txt", "中文。\nEnglish.\n", -1);
  g_autofree char *source = g_build_filename (dir, "zh.txt", NULL);
  g_autofree char *target = g_build_filename (dir, "no-such-folder", "en.txt", NULL);
  g_auto(Run) run = { NULL };

  run_cli (&run, "split", path, "--source", source, "--target", target, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "en.txt"));
  g_assert_false (g_file_test (source, G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

static void
test_split_onto_folder (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "pair.txt", "中文。\nEnglish.\n", -1);
  g_autofree char *source = g_build_filename (dir, "zh.txt", NULL);
  g_auto(Run) run = { NULL };

  run_cli (&run, "split", path, "--source", source, "--target", dir, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, dir));
  g_assert_false (g_file_test (source, G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

static void
test_split_usage (void)
{
  static const UsageCase cases[] = {
    { { "split", "pair.txt", "--source", "zh.txt", NULL }, "--target" },
    { { "split", "pair.txt", "--target", "en.txt", NULL }, "--source" },
    { { "split", "--source", "a.txt", "--target", "b.txt", NULL }, "BILINGUAL" },
    { { "split", "pair.txt", "--source", "a.txt", "--target", "a.txt" }, "different" },
    { { "split", "pair.txt", "--nope", NULL }, "--nope" },
  };
  g_auto(Run) help = { NULL };

  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      const char * const *a = cases[k].args;
      g_auto(Run) run = { NULL };

      run_cli (&run, a[0], a[1], a[2], a[3], a[4], a[5], NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, cases[k].message));
    }

  run_cli (&help, "split", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--source"));
  g_assert_nonnull (strstr (help.out, "--target"));
}

/* Every command line that stops before reading a file: where its words go
 * and with which status. */
typedef struct
{
  const char *args[7];
  int         status;
  const char *out;  /* found in stdout, or NULL for an empty stdout */
  const char *err;  /* found in stderr, or NULL for an empty stderr */
} CommandLineCase;

static const CommandLineCase command_lines[] = {
  { { NULL }, 2, NULL, "Usage: bitext-cli COMMAND" },
  { { "--help", NULL }, 0, "align ", NULL },
  { { "help", NULL }, 0, "Usage: bitext-cli COMMAND", NULL },
  { { "-h", NULL }, 0, "stats ", NULL },
  { { "--version", NULL }, 0, "bitext-cli ", NULL },
  { { "bogus", "--help", NULL }, 2, NULL, "unknown command “bogus”" },
  { { "SEGMENT", NULL }, 2, NULL, "Usage: bitext-cli COMMAND" },
  { { "segment", "-h", NULL }, 0, "--paragraphs", NULL },
  { { "segment", "-?", NULL }, 0, "--encoding", NULL },
  { { "segment", "-lh", "zh", NULL }, 0, "--lang", NULL },
  { { "split", "a.txt", "--help-all", NULL }, 0, "--target", NULL },
  { { "segment", "--help=yes", NULL }, 2, NULL, "--help=yes" },
  { { "segment", "--lang", "--help", "a.txt", NULL }, 2, NULL, "“--help”" },
  { { "segment", "a.txt", "--lang", "zh", "--lang", "fr", NULL }, 2, NULL, "“fr”" },
  { { "segment", "--", "--lang", NULL }, 2, NULL, "one FILE" },
  { { "validate", "--", "--help", NULL }, 2, NULL, "expected exactly one review file" },
  { { "convert", NULL }, 2, NULL, "--output" },
  { { "convert", "r.xlf", "--format=", NULL }, 2, NULL, "--format must be" },
  { { "convert", "r.xlf", "-f", NULL }, 2, NULL, "-f" },
  { { "stats", "a.xlf", "b.xlf", NULL }, 2, NULL, "Usage:" },
  { { "split", "p.txt", "-s", "a", "-t", "b", "-x" }, 2, NULL, "-x" },
};

static void
test_command_line (void)
{
  for (gsize k = 0; k < G_N_ELEMENTS (command_lines); k++)
    {
      const CommandLineCase *c = &command_lines[k];
      const char * const *a = c->args;
      g_auto(Run) run = { NULL };

      g_test_message ("case %" G_GSIZE_FORMAT, k);
      run_cli (&run, a[0], a[1], a[2], a[3], a[4], a[5], a[6], NULL);
      g_assert_cmpint (run.status, ==, c->status);
      if (c->out != NULL)
        g_assert_nonnull (strstr (run.out, c->out));
      else
        g_assert_cmpstr (run.out, ==, "");
      if (c->err != NULL)
        g_assert_nonnull (strstr (run.err, c->err));
      else
        g_assert_cmpstr (run.err, ==, "");
    }
}

/* "--" ends the options; a file after it is read like any other. */
static void
test_end_of_options (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = write_file (dir, "text.txt", "One sentence. Two.\n", -1);
  g_auto(Run) run = { NULL };

  run_cli (&run, "segment", "--lang", "en", "--", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out), ==, 2);
  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/segment/seed-en", test_segment_seed_en);
  g_test_add_func ("/cli/segment/tsv", test_segment_tsv);
  g_test_add_func ("/cli/segment/auto-language", test_segment_auto_language);
  g_test_add_func ("/cli/segment/json", test_segment_json);
  g_test_add_func ("/cli/segment/blank-paragraphs", test_segment_blank_paragraphs);
  g_test_add_func ("/cli/segment/help", test_segment_help);
  g_test_add_func ("/cli/segment/usage", test_segment_usage);
  g_test_add_func ("/cli/segment/bad-input", test_segment_bad_input);
  g_test_add_func ("/cli/split/seed", test_split_seed);
  g_test_add_func ("/cli/split/small", test_split_small);
  g_test_add_func ("/cli/split/failure-writes-nothing", test_split_failure_writes_nothing);
  g_test_add_func ("/cli/split/unwritable", test_split_unwritable);
  g_test_add_func ("/cli/split/onto-folder", test_split_onto_folder);
  g_test_add_func ("/cli/split/usage", test_split_usage);
  g_test_add_func ("/cli/command-line", test_command_line);
  g_test_add_func ("/cli/end-of-options", test_end_of_options);

  return g_test_run ();
}
