/* test-cli-align.c: bitext-cli align, run as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#define ZH_TEXT "台风昨晚在福建登陆。\n\n当地政府疏散了两万名居民。\n\n气象部门预计降雨将持续三天。\n"
#define EN_TEXT "The typhoon landed in Fujian last night.\n\n" \
                "The local government evacuated 20,000 residents.\n\n" \
                "Rain is expected to last three days.\n"

typedef struct
{
  char *dir;
  char *zh;
  char *en;
  char *dictionary;
  char *empty;   /* a data folder holding no dictionary */
} Fixture;

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

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("bitext-align-XXXXXX", &error);
  g_assert_no_error (error);
  f->zh = write_file (f->dir, "zh.txt", ZH_TEXT);
  f->en = write_file (f->dir, "en.txt", EN_TEXT);
  f->dictionary = g_build_filename (g_getenv ("BITEXT_FIXTURES_DIR"), "align", "dict.u8", NULL);
  f->empty = g_build_filename (f->dir, "data", NULL);
  g_assert_cmpint (g_mkdir (f->empty, 0700), ==, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->zh);
  g_free (f->en);
  g_free (f->dictionary);
  g_free (f->empty);
}

/* Runs bitext-cli with the NULL-terminated arguments, in an environment
 * where no dictionary is found unless one is named. */
static void
run_cli (Fixture    *f,
         Run        *run,
         const char *first,
         ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_get_environ ();
  const char *cli = g_getenv ("BITEXT_CLI");
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  env = g_environ_unsetenv (env, "BITEXT_DICTIONARY");
  env = g_environ_setenv (env, "XDG_DATA_HOME", f->empty, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_DIRS", f->empty, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", f->empty, TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  g_ptr_array_add (args, (gpointer) cli);
  g_ptr_array_add (args, (gpointer) "align");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  g_spawn_sync (NULL, (char **) args->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static gboolean
has_line (const char *text,
          const char *prefix)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return TRUE;
  return FALSE;
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_auto (Run) run = { 0 };

  run_cli (f, &run, "--dictionary", f->dictionary, f->zh, f->en, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"bitext-review\""));
  g_assert_nonnull (strstr (run.out, "\"links\""));
  g_assert_nonnull (strstr (run.out, "\"origin\": \"auto\""));
  g_assert_null (strstr (run.err, "without a dictionary"));
}

static void
test_xliff (Fixture       *f,
            gconstpointer  data)
{
  const char *formats[] = { "xliff", "xliff12" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto (Run) run = { 0 };

      run_cli (f, &run, "--dictionary", f->dictionary, "-f", formats[i], f->zh, f->en, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_true (g_str_has_prefix (run.out, "<?xml"));
      g_assert_nonnull (strstr (run.out, "<xliff"));
      g_assert_nonnull (strstr (run.out, i == 0 ? "version=\"2." : "version=\"1.2\""));
    }
}

static void
test_output (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *contents = NULL;
  g_auto (Run) run = { 0 };

  run_cli (f, &run, "--dictionary", f->dictionary, "-o", out, f->zh, f->en, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"bitext-review\""));
}

/* A failed run leaves no output file, and an old one as it was. */
static void
test_output_failure (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.txt", NULL);
  g_autofree char *bad_dictionary = write_file (f->dir, "bad.u8", "這不是 词典\n");
  g_autofree char *old = write_file (f->dir, "old.json", "old\n");
  g_autofree char *contents = NULL;

  {
    g_auto (Run) run = { 0 };

    run_cli (f, &run, "--dictionary", f->dictionary, "-o", out, f->zh, missing, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "missing.txt"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (f, &run, "--dictionary", bad_dictionary, "-o", old, f->zh, f->en, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "bad.u8"));
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (f, &run, "-f", "csv", "-o", old, f->zh, f->en, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  g_assert_true (g_file_get_contents (old, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old\n");
}

static void
test_explain (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_auto (Run) run = { 0 };

  run_cli (f, &run, "--dictionary", f->dictionary, "--explain", "-o", out, f->zh, f->en, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (has_line (run.out, "p1\te1\t"));
  g_assert_true (has_line (run.out, "p2\te2\t"));
  g_assert_true (has_line (run.out, "p3\te3\t"));
  g_assert_false (has_line (run.out, "p1\te3\t"));
  /* Each line names its signals and starts the sentence's text. */
  g_assert_nonnull (strstr (run.out, "dictionary"));
  g_assert_nonnull (strstr (run.out, "\tRain is expected"));
}

/* Without -o the explanation goes to the standard error, so the standard
 * output stays a clean file. */
static void
test_explain_stderr (Fixture       *f,
                     gconstpointer  data)
{
  g_auto (Run) run = { 0 };

  run_cli (f, &run, "--dictionary", f->dictionary, "--explain", f->zh, f->en, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (has_line (run.err, "p2\te2\t"));
  g_assert_true (g_str_has_prefix (run.out, "{"));
}

static void
test_lines (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *zh = write_file (f->dir, "zh-lines.txt", "第一行。\n第二行。\n第三行。\n第四行。\n");
  g_autofree char *en = write_file (f->dir, "en-lines.txt", "Line one.\nLine two.\nLine three.\nLine four.\n");
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);
  g_auto (Run) run = { 0 };

  run_cli (f, &run, "--units", "lines", "--explain", "-o", out, zh, en, NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("p%u\te%u\t", i, i);

      g_assert_true (has_line (run.out, prefix));
    }
  g_assert_false (has_line (run.out, "p1\te2\t"));
}

static void
test_bilingual (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *both = write_file (f->dir, "both.txt",
                                      "台风昨晚在福建登陆。\n\nThe typhoon landed in Fujian last night.\n\n"
                                      "气象部门预计降雨将持续三天。\n\nRain is expected to last three days.\n");
  g_autofree char *only_en = write_file (f->dir, "only-en.txt", "Just English here.\n");
  g_autofree char *out = g_build_filename (f->dir, "out.json", NULL);

  {
    g_auto (Run) run = { 0 };

    run_cli (f, &run, "--dictionary", f->dictionary, "--explain", "-o", out, "--bilingual", both, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (has_line (run.out, "p1\te1\t"));
    g_assert_true (has_line (run.out, "p2\te2\t"));
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (f, &run, "--bilingual", both, f->en, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--bilingual"));
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (f, &run, "--bilingual", only_en, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
  }
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  const char *cases[][4] = {
    { "--units", "words", NULL, NULL },
    { "--disable", "colour", NULL, NULL },
    { "--format", "csv", NULL, NULL },
    { "--paragraphs", "never", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Run) run = { 0 };

      run_cli (f, &run, cases[i][0], cases[i][1], f->zh, f->en, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "bitext-cli:"));
    }
  {
    g_auto (Run) run = { 0 };

    run_cli (f, &run, f->zh, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "source and a target"));
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (f, &run, "--no-such-option", f->zh, f->en, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_no_dictionary (Fixture       *f,
                    gconstpointer  data)
{
  {
    g_auto (Run) run = { 0 };

    run_cli (f, &run, f->zh, f->en, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "warning: aligned without a dictionary"));
    g_assert_nonnull (strstr (run.out, "\"bitext-review\""));
  }
  {
    g_auto (Run) run = { 0 };

    run_cli (f, &run, "--dictionary", f->dictionary, "--disable", "dictionary", f->zh, f->en, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "without a dictionary"));
  }
  {
    g_autofree char *bitext = g_build_filename (f->empty, "bitext", NULL);
    g_autofree char *copy = NULL;
    g_autofree char *contents = NULL;
    gsize length = 0;
    g_auto (Run) run = { 0 };

    /* The dictionary in the user's data folder is found by itself. */
    g_assert_cmpint (g_mkdir (bitext, 0700), ==, 0);
    g_assert_true (g_file_get_contents (f->dictionary, &contents, &length, NULL));
    copy = write_file (bitext, "cedict_ts.u8", contents);
    run_cli (f, &run, f->zh, f->en, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.err, "without a dictionary"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-align/json", test_json);
  ADD ("/cli-align/xliff", test_xliff);
  ADD ("/cli-align/output", test_output);
  ADD ("/cli-align/output-failure", test_output_failure);
  ADD ("/cli-align/explain", test_explain);
  ADD ("/cli-align/explain-stderr", test_explain_stderr);
  ADD ("/cli-align/lines", test_lines);
  ADD ("/cli-align/bilingual", test_bilingual);
  ADD ("/cli-align/usage", test_usage);
  ADD ("/cli-align/no-dictionary", test_no_dictionary);
#undef ADD

  return g_test_run ();
}
