/* test-huge.c: huge and hostile files through bitext-cli, end to end
 *
 * Each case writes its input into a temporary folder, runs bitext-cli on
 * it and checks the exit status, the output, the CPU time and the peak
 * memory of the child.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bt-aligner.h"
#include "bt-dictionary.h"
#include "bt-document.h"
#include "bt-text.h"

#define MIB (1024 * 1024)
#define MAX_TEXT_SIZE (64 * MIB)
/* Peak memory allowed for any one run, in KiB */
#define RSS_CAP_KIB (1536 * 1024)

typedef struct
{
  char  *dir;
  int    status;
  char  *out_path;
  char  *err;
  double seconds;
  glong  peak_kib;
} Run;

static char *test_dir;

static char *
temp_file (const char *name)
{
  return g_build_filename (test_dir, name, NULL);
}

static void
run_clear (Run *run)
{
  if (run->out_path != NULL)
    g_unlink (run->out_path);
  g_clear_pointer (&run->out_path, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
redirect (const char *path,
          int         target)
{
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  if (fd < 0 || dup2 (fd, target) < 0)
    _exit (127);
  close (fd);
}

/* Runs bitext-cli with @args (NULL-terminated), its standard output into
 * a file, and measures the child alone. */
static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err_path = temp_file ("stderr.txt");
  const char *cli = g_getenv ("BITEXT_CLI");
  struct rusage usage;
  va_list args;
  int status = 0;
  pid_t pid;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run->out_path = temp_file ("stdout.txt");
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      redirect (run->out_path, STDOUT_FILENO);
      redirect (err_path, STDERR_FILENO);
      execv (cli, (char **) argv->pdata);
      _exit (127);
    }

  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status));
  run->status = WEXITSTATUS (status);
  run->seconds = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
                 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  run->peak_kib = usage.ru_maxrss;
  g_assert_true (g_file_get_contents (err_path, &run->err, NULL, NULL));
  g_unlink (err_path);

  g_test_message ("bitext-cli %s %s: exit %d, %.2f s CPU, peak %ld MiB%s%s",
                  first, (const char *) argv->pdata[argv->len - 2], run->status,
                  run->seconds, run->peak_kib / 1024,
                  *run->err != '\0' ? ": " : "", run->err);
  g_assert_cmpint (run->peak_kib, <, RSS_CAP_KIB);
}

/* Lines of a file, read in pieces so that a large output stays on disk. */
static gsize
count_lines (const char *path)
{
  g_autofree char *buffer = g_malloc (MIB);
  gsize n = 0;
  ssize_t got;
  int fd = open (path, O_RDONLY);

  g_assert_cmpint (fd, >=, 0);
  while ((got = read (fd, buffer, MIB)) > 0)
    for (ssize_t i = 0; i < got; i++)
      n += buffer[i] == '\n';
  g_assert_cmpint (got, ==, 0);
  close (fd);
  return n;
}

/* Writes @unit @count times, then @tail. */
static char *
write_repeated (const char *name,
                const char *unit,
                gsize       count,
                const char *tail)
{
  g_autofree char *block = NULL;
  char *path = temp_file (name);
  gsize unit_length = strlen (unit);
  gsize per_block = MAX (1, MIB / unit_length);
  FILE *stream = fopen (path, "wb");

  g_assert_nonnull (stream);
  block = g_malloc (per_block * unit_length);
  for (gsize i = 0; i < per_block; i++)
    memcpy (block + i * unit_length, unit, unit_length);
  for (gsize done = 0; done < count; done += per_block)
    {
      gsize n = MIN (per_block, count - done);

      g_assert_cmpuint (fwrite (block, unit_length, n, stream), ==, n);
    }
  g_assert_cmpint (fputs (tail, stream), >=, 0);
  g_assert_cmpint (fclose (stream), ==, 0);
  return path;
}

static void
assert_refused (Run        *run,
                const char *path,
                const char *message)
{
  g_autofree char *base = g_path_get_basename (path);

  g_assert_cmpint (run->status, ==, 1);
  if (strstr (run->err, message) == NULL || strstr (run->err, base) == NULL)
    g_error ("“%s” should name %s and say “%s”", run->err, base, message);
}

/* 64 MiB of Chinese sentences on a single line */
static void
test_one_line (void)
{
  const char *sentence = "这是一个句子。";
  gsize n = MAX_TEXT_SIZE / strlen (sentence);
  g_autofree char *path = write_repeated ("one-line.txt", sentence, n, "");
  g_auto(Run) run = { 0 };

  run_cli (&run, "segment", "--lang=zh", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out_path), ==, n);
  /* DESIGN.md: 1,000,000 characters in 0.3 s; this is 22 times more */
  g_assert_cmpfloat (run.seconds, <, 30.0);
  g_unlink (path);
}

/* The file that once took 2.1 GB: nothing but line breaks */
static void
test_newlines (void)
{
  g_autofree char *path = write_repeated ("newlines.txt", "\n", MAX_TEXT_SIZE, "");
  g_auto(Run) run = { 0 };

  run_cli (&run, "segment", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out_path), ==, 0);
  g_assert_cmpfloat (run.seconds, <, 30.0);
  g_unlink (path);
}

/* One byte over the limit: refused before it is read */
static void
test_too_large (void)
{
  g_autofree char *path = temp_file ("too-large.txt");
  g_autofree char *review = temp_file ("too-large.xlf");
  g_auto(Run) run = { 0 };
  g_auto(Run) run_review = { 0 };

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  g_assert_cmpint (truncate (path, MAX_TEXT_SIZE + 1), ==, 0);
  run_cli (&run, "segment", path, NULL);
  assert_refused (&run, path, "too large");
  g_assert_cmpint (run.peak_kib, <, 64 * 1024);

  g_assert_true (g_file_set_contents (review, "", 0, NULL));
  g_assert_cmpint (truncate (review, MAX_TEXT_SIZE + 1), ==, 0);
  run_cli (&run_review, "stats", review, NULL);
  assert_refused (&run_review, review, "64 MiB");
  g_unlink (path);
  g_unlink (review);
}

static void
test_one_char_paragraphs (void)
{
  g_autofree char *path = write_repeated ("one-char.txt", "字\n", 1000000, "");
  g_autofree char *source = temp_file ("one-char-zh.txt");
  g_autofree char *target = temp_file ("one-char-en.txt");
  g_auto(Run) segment = { 0 };
  g_auto(Run) blank = { 0 };
  g_auto(Run) split = { 0 };
  g_auto(Run) split_both = { 0 };
  g_autofree char *path_both = NULL;

  run_cli (&segment, "segment", path, NULL);
  g_assert_cmpint (segment.status, ==, 0);
  g_assert_cmpuint (count_lines (segment.out_path), ==, 1000000);
  g_assert_cmpfloat (segment.seconds, <, 10.0);

  /* in blank-line mode the million lines are one paragraph */
  run_cli (&blank, "segment", "--paragraphs=blank", path, NULL);
  g_assert_cmpint (blank.status, ==, 0);
  g_assert_cmpuint (count_lines (blank.out_path), ==, 1);

  /* all Chinese: nothing to split */
  run_cli (&split, "split", "-s", source, "-t", target, path, NULL);
  assert_refused (&split, path, "no English paragraph");
  g_unlink (path);

  path_both = write_repeated ("one-char-both.txt", "字\nA\n", 500000, "");
  run_cli (&split_both, "split", "-s", source, "-t", target, path_both, NULL);
  g_assert_cmpint (split_both.status, ==, 0);
  g_assert_cmpuint (count_lines (source), ==, 500000);
  g_assert_cmpuint (count_lines (target), ==, 500000);
  g_unlink (path_both);
  g_unlink (source);
  g_unlink (target);
}

/* Peak memory allowed for aligning a million one-character paragraphs,
 * in KiB: the aligner alone, then bitext-cli with its review and output
 * (DESIGN.md: under 500 MB for a million characters) */
#define ALIGN_RSS_KIB (500 * 1024)
#define ALIGN_CLI_RSS_KIB (500 * 1024)

static char *
repeat_string (const char *unit,
               gsize       count)
{
  GString *s = g_string_sized_new (strlen (unit) * count + 1);

  for (gsize i = 0; i < count; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

/* In a child: aligns @count copies of @zh with as many of @en and exits 0
 * when every sentence got a link or an addition. */
static void
align_in_child (const char *zh,
                const char *en,
                gsize       count)
{
  g_autofree char *zh_text = repeat_string (zh, count);
  g_autofree char *en_text = repeat_string (en, count);
  g_autoptr(BtText) a = bt_text_new_from_string (zh_text, "zh");
  g_autoptr(BtText) b = bt_text_new_from_string (en_text, "en");
  g_autoptr(BtDocument) source = NULL;
  g_autoptr(BtDocument) target = NULL;
  g_autofree char *path = bt_dictionary_find_default ();
  g_autoptr(BtDictionary) dictionary = path != NULL ? bt_dictionary_load (path, NULL) : NULL;
  g_autoptr(BtAligner) aligner = bt_aligner_new (dictionary);
  g_autoptr(BtAlignment) alignment = NULL;
  guint n_links = 0, n_additions = 0;

  g_clear_pointer (&zh_text, g_free);
  g_clear_pointer (&en_text, g_free);
  source = bt_document_new_from_text (a, BT_LANGUAGE_ZH, BT_PARAGRAPH_MODE_LINES);
  target = bt_document_new_from_text (b, BT_LANGUAGE_EN, BT_PARAGRAPH_MODE_LINES);
  g_clear_object (&a);
  g_clear_object (&b);
  alignment = bt_aligner_run (aligner, source, target, NULL, NULL);
  if (alignment == NULL)
    _exit (2);
  bt_alignment_get_links (alignment, &n_links);
  bt_alignment_get_additions (alignment, &n_additions);
  _exit (n_links + n_additions >= count ? 0 : 3);
}

/* The aligner alone, in a child whose CPU time and peak memory count. */
static void
run_aligner (Run        *run,
             const char *zh,
             const char *en,
             gsize       count)
{
  struct rusage usage;
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    align_in_child (zh, en, count);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status));
  run->status = WEXITSTATUS (status);
  run->seconds = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
                 + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  run->peak_kib = usage.ru_maxrss;
  g_test_message ("aligner on %" G_GSIZE_FORMAT " units: exit %d, %.2f s CPU, peak %ld MiB",
                  count, run->status, run->seconds, run->peak_kib / 1024);
}

/* A million paragraphs a side: the path over them must not keep every
 * candidate of every sentence. */
static void
test_align_one_char_paragraphs (void)
{
  g_autofree char *zh = write_repeated ("align-zh.txt", "字。\n", 1000000, "");
  g_autofree char *en = write_repeated ("align-en.txt", "A.\n", 1000000, "");
  g_autofree char *xlf = temp_file ("align.xlf");
  g_auto(Run) alone = { 0 };
  g_auto(Run) run = { 0 };
  g_auto(Run) xliff = { 0 };

  run_aligner (&alone, "字。\n", "A.\n", 1000000);
  g_assert_cmpint (alone.status, ==, 0);
  g_assert_cmpint (alone.peak_kib, <, ALIGN_RSS_KIB);
  /* about 3 s on an idle machine */
  g_assert_cmpfloat (alone.seconds, <, 30.0);

  run_cli (&run, "align", zh, en, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out_path), >, 3000000);
  g_assert_cmpint (run.peak_kib, <, ALIGN_CLI_RSS_KIB);
  g_assert_cmpfloat (run.seconds, <, 90.0);
  g_unlink (run.out_path);

  /* the XLIFF file is three times the JSON: it must stream too */
  run_cli (&xliff, "align", "--format=xliff", "-o", xlf, zh, en, NULL);
  g_assert_cmpint (xliff.status, ==, 0);
  g_assert_cmpuint (count_lines (xlf), >, 10000000);
  g_assert_cmpint (xliff.peak_kib, <, ALIGN_CLI_RSS_KIB);
  g_assert_cmpfloat (xliff.seconds, <, 90.0);
  g_unlink (xlf);
  g_unlink (zh);
  g_unlink (en);
}

/* A megabyte on one line each side: 50,000 sentences all in one
 * paragraph, which once cost time quadratic in them */
static void
test_align_one_line (void)
{
  g_autofree char *zh = write_repeated ("line-zh.txt", "这是一个句子。", 50000, "\n");
  g_autofree char *en = write_repeated ("line-en.txt", "This is a sentence. ", 50000, "\n");
  g_auto(Run) run = { 0 };

  run_cli (&run, "align", zh, en, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_lines (run.out_path), >, 50000);
  /* under a second on an idle machine; quadratic took 30 */
  g_assert_cmpfloat (run.seconds, <, 10.0);
  g_unlink (zh);
  g_unlink (en);
}

static void
test_punctuation_only (void)
{
  g_autofree char *path = write_repeated ("punctuation.txt", "。！？…，“”", 2 * MIB, "\n");
  g_autofree char *small = write_repeated ("punctuation-small.txt", "。！？…，\n", 20000, "");
  g_auto(Run) segment = { 0 };
  g_auto(Run) align = { 0 };

  run_cli (&segment, "segment", path, NULL);
  g_assert_cmpint (segment.status, ==, 0);
  g_assert_cmpuint (count_lines (segment.out_path), >=, 1);
  g_assert_cmpfloat (segment.seconds, <, 30.0);

  run_cli (&align, "align", small, small, NULL);
  g_assert_cmpint (align.status, ==, 0);
  g_unlink (path);
  g_unlink (small);
}

static void
test_no_punctuation (void)
{
  g_autofree char *zh = write_repeated ("no-punctuation-zh.txt", "汉字", MAX_TEXT_SIZE / 6, "");
  g_autofree char *en = write_repeated ("no-punctuation-en.txt", "word ", MAX_TEXT_SIZE / 5, "");
  g_auto(Run) run_zh = { 0 };
  g_auto(Run) run_en = { 0 };

  run_cli (&run_zh, "segment", zh, NULL);
  g_assert_cmpint (run_zh.status, ==, 0);
  g_assert_cmpuint (count_lines (run_zh.out_path), ==, 1);
  g_assert_cmpfloat (run_zh.seconds, <, 30.0);
  g_unlink (zh);

  run_cli (&run_en, "segment", en, NULL);
  g_assert_cmpint (run_en.status, ==, 0);
  g_assert_cmpuint (count_lines (run_en.out_path), ==, 1);
  g_assert_cmpfloat (run_en.seconds, <, 30.0);
  g_unlink (en);
}

static void
test_mixed_encodings (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BITEXT_FIXTURES_DIR"), "hostile",
                                            "mixed-encodings.txt", NULL);
  g_autofree char *source = temp_file ("mixed-zh.txt");
  g_autofree char *target = temp_file ("mixed-en.txt");
  g_auto(Run) segment = { 0 };
  g_auto(Run) split = { 0 };

  run_cli (&segment, "segment", path, NULL);
  assert_refused (&segment, path, "line 2, byte 1");

  run_cli (&split, "split", "-s", source, "-t", target, path, NULL);
  assert_refused (&split, path, "line 2, byte 1");
  g_assert_false (g_file_test (source, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

/* A review of @n units with one character each, in another tool's
 * XLIFF 2.1 */
static char *
write_units (const char *name,
             guint       n)
{
  char *path = temp_file (name);
  FILE *stream = fopen (path, "wb");

  g_assert_nonnull (stream);
  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\" "
         "srcLang=\"zh\" trgLang=\"en\"><file id=\"f\">", stream);
  for (guint i = 0; i < n; i++)
    fprintf (stream, "<unit id=\"%x\"><segment><source>字</source></segment></unit>", i);
  fputs ("</file></xliff>\n", stream);
  g_assert_cmpint (fclose (stream), ==, 0);
  return path;
}

static void
test_million_units (void)
{
  g_autofree char *path = write_units ("units.xlf", 1000000);
  g_autofree char *csv = temp_file ("units.csv");
  g_auto(Run) stats = { 0 };
  g_auto(Run) convert = { 0 };
  g_autofree char *figures = NULL;

  run_cli (&stats, "stats", path, NULL);
  g_assert_cmpint (stats.status, ==, 0);
  g_assert_true (g_file_get_contents (stats.out_path, &figures, NULL, NULL));
  g_assert_true (g_str_has_prefix (figures, "Paragraphs: 1000000 "));
  /* DESIGN.md: a 10,000-paragraph review opens in 0.2 s, so 20 s here */
  g_assert_cmpfloat (stats.seconds, <, 40.0);

  run_cli (&convert, "convert", "--format=csv", "-o", csv, path, NULL);
  g_assert_cmpint (convert.status, ==, 0);
  g_assert_cmpuint (count_lines (csv), >=, 1);
  g_unlink (csv);
  g_unlink (path);
}

/* Bitext's own review file, as large as the limit lets it be: 150,000
 * paragraphs */
static void
test_bitext_review (void)
{
  g_autofree char *foreign = write_units ("foreign.xlf", 150000);
  g_autofree char *path = temp_file ("review.xlf");
  g_auto(Run) convert = { 0 };
  g_auto(Run) validate = { 0 };
  g_auto(Run) stats = { 0 };
  g_autofree char *figures = NULL;

  run_cli (&convert, "convert", "--format=xliff", "-o", path, foreign, NULL);
  g_assert_cmpint (convert.status, ==, 0);
  g_unlink (foreign);

  run_cli (&validate, "validate", path, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  run_cli (&stats, "stats", path, NULL);
  g_assert_cmpint (stats.status, ==, 0);
  g_assert_true (g_file_get_contents (stats.out_path, &figures, NULL, NULL));
  g_assert_true (g_str_has_prefix (figures, "Paragraphs: 150000 "));
  /* DESIGN.md: a 10,000-paragraph review opens in 0.2 s, so 3 s here */
  g_assert_cmpfloat (stats.seconds, <, 10.0);
  g_assert_cmpint (stats.peak_kib, <, 512 * 1024);
  g_unlink (path);
}

static void
test_xliff_bombs (void)
{
  g_autofree char *bomb = g_build_filename (g_getenv ("BITEXT_FIXTURES_DIR"), "hostile",
                                            "billion-laughs.xlf", NULL);
  g_autofree char *deep = temp_file ("deep.xlf");
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n"
                                         "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" "
                                         "version=\"2.1\" srcLang=\"zh\"><file id=\"f\"><unit id=\"u\">"
                                         "<segment><source>");
  const char *commands[][2] = { { "validate", NULL }, { "stats", NULL },
                                { "convert", "--format=json" } };

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };

      if (commands[i][1] != NULL)
        run_cli (&run, commands[i][0], commands[i][1], bomb, NULL);
      else
        run_cli (&run, commands[i][0], bomb, NULL);
      assert_refused (&run, bomb, "entities");
      g_assert_cmpint (run.peak_kib, <, 128 * 1024);
    }

  for (guint i = 0; i < 200000; i++)
    g_string_append (xml, "<pc id=\"1\">");
  g_string_append (xml, "x");
  for (guint i = 0; i < 200000; i++)
    g_string_append (xml, "</pc>");
  g_string_append (xml, "</source></segment></unit></file></xliff>\n");
  g_assert_true (g_file_set_contents (deep, xml->str, xml->len, NULL));
  {
    g_auto(Run) run = { 0 };

    run_cli (&run, "validate", deep, NULL);
    assert_refused (&run, deep, "line 2");
  }
  g_unlink (deep);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  test_dir = g_dir_make_tmp ("bitext-huge-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/huge/one-line", test_one_line);
  g_test_add_func ("/huge/newlines", test_newlines);
  g_test_add_func ("/huge/too-large", test_too_large);
  g_test_add_func ("/huge/one-char-paragraphs", test_one_char_paragraphs);
  g_test_add_func ("/huge/align-one-char-paragraphs", test_align_one_char_paragraphs);
  g_test_add_func ("/huge/align-one-line", test_align_one_line);
  g_test_add_func ("/huge/punctuation-only", test_punctuation_only);
  g_test_add_func ("/huge/no-punctuation", test_no_punctuation);
  g_test_add_func ("/huge/mixed-encodings", test_mixed_encodings);
  g_test_add_func ("/huge/million-units", test_million_units);
  g_test_add_func ("/huge/bitext-review", test_bitext_review);
  g_test_add_func ("/huge/xliff-bombs", test_xliff_bombs);

  status = g_test_run ();
  g_rmdir (test_dir);
  g_free (test_dir);
  return status;
}
