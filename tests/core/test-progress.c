/* test-progress.c: long readings report how far they have come and stop
 * when cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bt-bilingual.h"
#include "bt-error.h"
#include "bt-json-reader.h"
#include "bt-json-writer.h"
#include "bt-progress.h"
#include "bt-test-review.h"
#include "bt-text.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"

/* What a reading reported, and when to cancel it. */
typedef struct
{
  GArray       *values;
  GCancellable *cancellable;
  double        cancel_at;   /* cancel on the first report at or past it */
  guint         cancelled_at;  /* the index of that report */
} Recorder;

static void
record_cb (double   fraction,
           gpointer user_data)
{
  Recorder *recorder = user_data;

  g_array_append_val (recorder->values, fraction);
  if (recorder->cancellable != NULL && fraction >= recorder->cancel_at &&
      !g_cancellable_is_cancelled (recorder->cancellable))
    {
      recorder->cancelled_at = recorder->values->len - 1;
      g_cancellable_cancel (recorder->cancellable);
    }
}

static void
recorder_init (Recorder *recorder,
               double    cancel_at)
{
  recorder->values = g_array_new (FALSE, FALSE, sizeof (double));
  recorder->cancellable = cancel_at <= 1 ? g_cancellable_new () : NULL;
  recorder->cancel_at = cancel_at;
  recorder->cancelled_at = G_MAXUINT;
}

static void
recorder_clear (Recorder *recorder)
{
  g_clear_pointer (&recorder->values, g_array_unref);
  g_clear_object (&recorder->cancellable);
}

static double
value_at (Recorder *recorder,
          guint     i)
{
  return g_array_index (recorder->values, double, i);
}

/* Several reports, never going down, the last saying the work is done. */
static void
assert_complete (Recorder *recorder)
{
  guint n = recorder->values->len;

  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpfloat (value_at (recorder, 0), >=, 0);
  g_assert_cmpfloat (value_at (recorder, 0), <, 0.5);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (value_at (recorder, i), >=, value_at (recorder, i - 1));
  g_assert_cmpfloat (value_at (recorder, n - 1), ==, 1.0);
}

/* Cancelled at its first report past @cancel_at, the work stopped there
 * rather than going on to the end. */
static void
assert_stopped_early (Recorder *recorder,
                      GError   *error)
{
  guint n = recorder->values->len;

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (recorder->cancelled_at, <, n);
  g_assert_cmpuint (n - 1 - recorder->cancelled_at, <=, 1);
  g_assert_cmpfloat (value_at (recorder, n - 1), <, 1);
}

#define SIMPLIFIED "第%u段：西部地区铁路建设今年计划投资%u亿元，新开工项目%u个。专家认为，建设成本高。\n\n"
#define TRADITIONAL "第%u段：西部地區鐵路建設今年計劃投資%u億元，新開工項目%u個。專家認為，建設成本高。\n\n"

/* Paragraphs of Chinese, blank-line separated, about @size bytes. */
static char *
chinese_text (gboolean  traditional,
              gsize     size,
              gsize    *length)
{
  GString *text = g_string_new (NULL);

  for (guint p = 0; text->len < size; p++)
    if (traditional)
      g_string_append_printf (text, TRADITIONAL, p + 1, 300 + p % 97, 10 + p % 13);
    else
      g_string_append_printf (text, SIMPLIFIED, p + 1, 300 + p % 97, 10 + p % 13);
  *length = text->len;
  return g_string_free (text, FALSE);
}

static char *
write_temp (const char *name,
            const char *data,
            gsize       length)
{
  g_autofree char *dir = g_dir_make_tmp ("bitext-progress-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, (gssize) length, NULL));
  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_parts (void)
{
  Recorder recorder;
  BtProgress whole;
  BtProgress second;
  BtProgress inner;
  BtProgress none;

  recorder_init (&recorder, 2);
  whole = bt_progress_init (record_cb, &recorder);
  second = bt_progress_part (&whole, 0.5, 1);
  inner = bt_progress_part (&second, 0.5, 1);
  bt_progress_report (&second, 0);
  bt_progress_report (&second, 0.5);
  bt_progress_report (&inner, 0.5);
  bt_progress_report (&inner, 7);
  g_assert_cmpuint (recorder.values->len, ==, 4);
  g_assert_cmpfloat (value_at (&recorder, 0), ==, 0.5);
  g_assert_cmpfloat (value_at (&recorder, 1), ==, 0.75);
  g_assert_cmpfloat (value_at (&recorder, 2), ==, 0.875);
  g_assert_cmpfloat (value_at (&recorder, 3), ==, 1.0);

  /* Nowhere to report: nothing happens, and parts of it report nowhere. */
  none = bt_progress_part (NULL, 0, 0.5);
  g_assert_null (none.func);
  bt_progress_report (NULL, 0.5);
  bt_progress_report (&none, 0.5);
  g_assert_cmpuint (recorder.values->len, ==, 4);
  recorder_clear (&recorder);
}

static void
test_advance_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (bt_progress_advance (NULL, 0.5, NULL, &error));
  g_assert_true (bt_progress_advance (NULL, 0.5, cancellable, &error));
  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  g_assert_false (bt_progress_advance (NULL, 0.5, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  const char *name;
  const char *encoding;   /* the file's, for g_convert */
  gboolean    traditional;
} TextCase;

static const TextCase text_cases[] = {
  { "utf8", "UTF-8", FALSE },
  { "gb18030", "GB18030", FALSE },
  { "big5", "BIG5", TRUE },
};

/* A file of about 3 MB in @encoding, detected and decoded piece by piece
 * as if whole. */
static void
test_text (gconstpointer data)
{
  const TextCase *c = data;
  gsize length = 0;
  g_autofree char *utf8 = chinese_text (c->traditional, 3 * 1024 * 1024, &length);
  g_autofree char *encoded = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;
  gsize encoded_length = 0;
  Recorder recorder;
  BtProgress progress;

  encoded = g_convert (utf8, (gssize) length, c->encoding, "UTF-8", NULL, &encoded_length, &error);
  g_assert_no_error (error);
  path = write_temp ("large.txt", encoded, encoded_length);
  file = g_file_new_for_path (path);

  recorder_init (&recorder, 2);
  progress = bt_progress_init (record_cb, &recorder);
  text = bt_text_new_from_file_full (file, NULL, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bt_text_get_encoding (text), ==, c->encoding);
  g_assert_cmpstr (bt_text_get_contents (text, NULL), ==, utf8);
  assert_complete (&recorder);
  /* Each piece of reading and decoding reports. */
  g_assert_cmpuint (recorder.values->len, >=, 3 * 1024 * 1024 / BT_PROGRESS_STRIDE);
  recorder_clear (&recorder);

  recorder_init (&recorder, 0.3);
  progress = bt_progress_init (record_cb, &recorder);
  g_clear_object (&text);
  text = bt_text_new_from_file_full (file, NULL, &progress, recorder.cancellable, &error);
  g_assert_null (text);
  assert_stopped_early (&recorder, error);
  recorder_clear (&recorder);
  remove_temp (path);
}

/* Bytes invalid past the first piece, and characters cut by a piece's
 * end, are found where reading the whole would find them. */
static void
test_text_pieces (void)
{
  const char *filler = "西部地区";   /* 12 bytes: characters straddle 256 KiB */
  g_autoptr(GString) data = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;
  gsize bad;

  while (data->len < 3 * BT_PROGRESS_STRIDE + 100)
    g_string_append (data, filler);
  g_string_append_c (data, '\n');
  path = write_temp ("pieces.txt", data->str, data->len);
  file = g_file_new_for_path (path);
  text = bt_text_new_from_file_full (file, "UTF-8", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bt_text_get_contents (text, NULL), ==, data->str);
  remove_temp (path);
  g_clear_pointer (&path, g_free);
  g_clear_object (&file);

  /* A lone continuation byte in the third piece, where a character
   * (three bytes each) starts. */
  bad = (2 * BT_PROGRESS_STRIDE + 5000) / 3 * 3;
  data->str[bad] = (char) 0x80;
  path = write_temp ("bad.txt", data->str, data->len);
  file = g_file_new_for_path (path);
  g_clear_object (&text);
  text = bt_text_new_from_file_full (file, "UTF-8", NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, BT_ERROR, BT_ERROR_ENCODING);
  expected = g_strdup_printf ("byte %u of the file", (guint) bad + 1);
  g_assert_nonnull (strstr (error->message, expected));
  remove_temp (path);
}

static void
test_text_cancelled_before (void)
{
  gsize length = 0;
  g_autofree char *utf8 = chinese_text (FALSE, 1024, &length);
  g_autofree char *path = write_temp ("small.txt", utf8, length);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;

  g_cancellable_cancel (cancellable);
  text = bt_text_new_from_file_full (file, NULL, NULL, cancellable, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  remove_temp (path);
}

static void
assert_same_documents (BtDocument *a,
                       BtDocument *b)
{
  g_assert_cmpuint (bt_document_get_n_paragraphs (a), ==, bt_document_get_n_paragraphs (b));
  g_assert_cmpuint (bt_document_get_n_sentences (a), ==, bt_document_get_n_sentences (b));
  for (guint i = 0; i < bt_document_get_n_paragraphs (a); i++)
    g_assert_cmpstr (bt_document_get_paragraph (a, i)->text, ==, bt_document_get_paragraph (b, i)->text);
}

static void
test_document (void)
{
  gsize length = 0;
  g_autofree char *utf8 = chinese_text (FALSE, 2 * 1024 * 1024, &length);
  g_autoptr(BtText) text = bt_text_new_from_string (utf8, "large.txt");
  g_autoptr(BtDocument) plain = bt_document_new_from_text (text, BT_LANGUAGE_ZH, BT_PARAGRAPH_MODE_AUTO);
  g_autoptr(BtDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  Recorder recorder;
  BtProgress progress;

  recorder_init (&recorder, 2);
  progress = bt_progress_init (record_cb, &recorder);
  document = bt_document_new_from_text_full (text, BT_LANGUAGE_ZH, BT_PARAGRAPH_MODE_AUTO,
                                             &progress, NULL, &error);
  g_assert_no_error (error);
  assert_same_documents (document, plain);
  assert_complete (&recorder);
  recorder_clear (&recorder);

  recorder_init (&recorder, 0.25);
  progress = bt_progress_init (record_cb, &recorder);
  g_clear_object (&document);
  document = bt_document_new_from_text_full (text, BT_LANGUAGE_ZH, BT_PARAGRAPH_MODE_LINES,
                                             &progress, recorder.cancellable, &error);
  g_assert_null (document);
  assert_stopped_early (&recorder, error);
  recorder_clear (&recorder);
}

/* A single paragraph of about @size bytes, on one line or, for blocks,
 * on many lines with no blank line between them. */
typedef struct
{
  BtLanguage      language;
  BtParagraphMode mode;
} OneParagraphCase;

static char *
one_paragraph (const OneParagraphCase *c,
               gsize                   size)
{
  GString *text = g_string_new (NULL);
  const char *sentence = c->language == BT_LANGUAGE_ZH ? "西部地区铁路建设今年计划投资三百亿元，专家认为成本高。"
                                                       : "Railway building in the west will cost more this year. ";

  for (guint i = 0; text->len < size; i++)
    {
      g_string_append (text, sentence);
      if (c->mode == BT_PARAGRAPH_MODE_BLANK_LINES && i % 50 == 49)
        g_string_append_c (text, '\n');
    }
  g_string_append (text, c->mode == BT_PARAGRAPH_MODE_BLANK_LINES ? "\n\nEnd.\n" : "\n");
  return g_string_free (text, FALSE);
}

/* Segmenting one paragraph of megabytes reports within it, and stops
 * within it when cancelled. */
static void
test_document_one_paragraph (gconstpointer data)
{
  const OneParagraphCase *c = data;
  g_autofree char *utf8 = one_paragraph (c, 4 * 1024 * 1024);
  g_autoptr(BtText) text = bt_text_new_from_string (utf8, "one-paragraph.txt");
  g_autoptr(BtDocument) plain = bt_document_new_from_text (text, c->language, c->mode);
  g_autoptr(BtDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  Recorder recorder;
  BtProgress progress;

  g_assert_cmpuint (bt_document_get_n_sentences (plain), >, 10000);
  recorder_init (&recorder, 2);
  progress = bt_progress_init (record_cb, &recorder);
  document = bt_document_new_from_text_full (text, c->language, c->mode, &progress, NULL, &error);
  g_assert_no_error (error);
  assert_same_documents (document, plain);
  for (guint i = 0; i < bt_document_get_n_sentences (plain); i++)
    {
      const BtSentence *a = bt_document_get_sentence (plain, i);
      const BtSentence *b = bt_document_get_sentence (document, i);

      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
    }
  /* Reports from within the paragraph, not only before and after it. */
  g_assert_cmpuint (recorder.values->len, >=, 10);
  assert_complete (&recorder);
  recorder_clear (&recorder);

  recorder_init (&recorder, 0.3);
  progress = bt_progress_init (record_cb, &recorder);
  g_clear_object (&document);
  document = bt_document_new_from_text_full (text, c->language, c->mode, &progress, recorder.cancellable, &error);
  g_assert_null (document);
  assert_stopped_early (&recorder, error);
  g_assert_cmpfloat (value_at (&recorder, recorder.values->len - 1), <, 0.5);
  recorder_clear (&recorder);
}

static const OneParagraphCase one_paragraph_cases[] = {
  { BT_LANGUAGE_ZH, BT_PARAGRAPH_MODE_LINES },
  { BT_LANGUAGE_EN, BT_PARAGRAPH_MODE_LINES },
  { BT_LANGUAGE_ZH, BT_PARAGRAPH_MODE_BLANK_LINES },
  { BT_LANGUAGE_EN, BT_PARAGRAPH_MODE_BLANK_LINES },
};

static void
test_bilingual (void)
{
  g_autoptr(GString) data = g_string_new (NULL);
  g_autoptr(BtText) text = NULL;
  g_autoptr(BtDocument) source = NULL;
  g_autoptr(BtDocument) target = NULL;
  g_autoptr(BtDocument) plain_source = NULL;
  g_autoptr(BtDocument) plain_target = NULL;
  g_autoptr(GError) error = NULL;
  Recorder recorder;
  BtProgress progress;

  for (guint p = 0; p < 20000; p++)
    g_string_append_printf (data, "第%u段：西部地区铁路建设今年计划投资%u亿元。\n\n"
                            "Paragraph %u: railways in the west get %u billion yuan.\n\n",
                            p + 1, 300 + p % 97, p + 1, 300 + p % 97);
  text = bt_text_new_from_string (data->str, "bilingual.txt");
  g_assert_true (bt_bilingual_split (text, BT_PARAGRAPH_MODE_AUTO, &plain_source, &plain_target, NULL));

  recorder_init (&recorder, 2);
  progress = bt_progress_init (record_cb, &recorder);
  g_assert_true (bt_bilingual_split_full (text, BT_PARAGRAPH_MODE_AUTO, &progress, NULL,
                                          &source, &target, &error));
  g_assert_no_error (error);
  assert_same_documents (source, plain_source);
  assert_same_documents (target, plain_target);
  assert_complete (&recorder);
  recorder_clear (&recorder);

  g_clear_object (&source);
  g_clear_object (&target);
  recorder_init (&recorder, 0.5);
  progress = bt_progress_init (record_cb, &recorder);
  g_assert_false (bt_bilingual_split_full (text, BT_PARAGRAPH_MODE_AUTO, &progress, recorder.cancellable,
                                           &source, &target, &error));
  g_assert_null (source);
  g_assert_null (target);
  assert_stopped_early (&recorder, error);
  recorder_clear (&recorder);
}

typedef BtReview *(*ReadFunc) (const char        *path,
                               const BtProgress  *progress,
                               GCancellable      *cancellable,
                               GError           **error);

static BtReview *
read_xliff (const char        *path,
            const BtProgress  *progress,
            GCancellable      *cancellable,
            GError           **error)
{
  return bt_xliff_read_file_full (path, progress, cancellable, NULL, error);
}

static GBytes *
write_xliff (BtReview *review)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = bt_xliff_write_bytes (review, &error);

  g_assert_no_error (error);
  return bytes;
}

static GBytes *
write_json (BtReview *review)
{
  return bt_json_write_bytes (review);
}

/* A review of some megabytes opens as it was written, reporting as it
 * goes, and stops early when cancelled. */
static void
check_review_reading (const char  *path,
                      ReadFunc     read,
                      GBytes    *(*write) (BtReview *review),
                      GBytes      *expected)
{
  g_autoptr(BtReview) review = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  Recorder recorder;
  BtProgress progress;

  recorder_init (&recorder, 2);
  progress = bt_progress_init (record_cb, &recorder);
  review = read (path, &progress, NULL, &error);
  g_assert_no_error (error);
  written = write (review);
  g_assert_true (g_bytes_equal (written, expected));
  assert_complete (&recorder);
  recorder_clear (&recorder);

  /* As soon as reading has begun, and half way through. */
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&review);
      g_clear_error (&error);
      recorder_init (&recorder, i == 0 ? 0 : 0.5);
      progress = bt_progress_init (record_cb, &recorder);
      review = read (path, &progress, recorder.cancellable, &error);
      g_assert_null (review);
      assert_stopped_early (&recorder, error);
      recorder_clear (&recorder);
    }

  /* Cancelled before it began, nothing is read. */
  recorder_init (&recorder, 0);
  progress = bt_progress_init (record_cb, &recorder);
  g_cancellable_cancel (recorder.cancellable);
  g_clear_error (&error);
  review = read (path, &progress, recorder.cancellable, &error);
  g_assert_null (review);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (recorder.values->len, ==, 0);
  recorder_clear (&recorder);
}

static void
test_xliff (void)
{
  g_autoptr(BtReview) review = bt_test_review_new_large (3000);
  g_autoptr(GBytes) bytes = bt_xliff_write_bytes (review, NULL);
  g_autofree char *path = write_temp ("large.xlf", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (g_bytes_get_size (bytes), >, 20 * 64 * 1024);
  check_review_reading (path, read_xliff, write_xliff, bytes);
  remove_temp (path);
}

static gpointer
cancel_soon_thread (gpointer data)
{
  g_usleep (20 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (data);
  return NULL;
}

/* XLIFF from other tools is read whole, then its units are segmented one
 * by one; cancelling stops that too. */
static void
test_xliff_foreign (void)
{
  g_autoptr(GString) xliff = g_string_new ("<?xml version=\"1.0\"?>\n"
                                            "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
                                            "<file source-language=\"zh\" target-language=\"en\" datatype=\"plaintext\" original=\"a\"><body>\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(BtReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GThread *thread;
  guint n = 40000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (xliff, "<trans-unit id=\"%u\"><source>第%u段：西部地区铁路建设今年计划投资。专家认为，建设成本高。</source>"
                            "<target>Railways in the west get money. Experts say costs are high.</target></trans-unit>\n",
                            i + 1, i + 1);
  g_string_append (xliff, "</body></file></xliff>\n");
  path = write_temp ("foreign.xlf", xliff->str, xliff->len);

  thread = g_thread_new ("cancel", cancel_soon_thread, cancellable);
  review = bt_xliff_read_file_full (path, NULL, cancellable, NULL, &error);
  g_thread_join (thread);
  g_assert_null (review);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_clear_error (&error);
  review = bt_xliff_read_file_full (path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bt_document_get_n_paragraphs (bt_review_get_source (review)), ==, n);
  remove_temp (path);
}

static void
test_json (void)
{
  g_autoptr(BtReview) review = bt_test_review_new_large (3000);
  g_autoptr(GBytes) json = bt_json_write_bytes (review);
  g_autofree char *path = write_temp ("large.json", g_bytes_get_data (json, NULL), g_bytes_get_size (json));

  g_assert_cmpuint (g_bytes_get_size (json), >, 4 * BT_PROGRESS_STRIDE);
  check_review_reading (path, bt_json_read_file_full, write_json, json);
  remove_temp (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/progress/parts", test_parts);
  g_test_add_func ("/progress/advance-cancelled", test_advance_cancelled);
  for (guint i = 0; i < G_N_ELEMENTS (text_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/progress/text/%s", text_cases[i].name);

      g_test_add_data_func (path, &text_cases[i], test_text);
    }
  g_test_add_func ("/progress/text-pieces", test_text_pieces);
  g_test_add_func ("/progress/text-cancelled-before", test_text_cancelled_before);
  g_test_add_func ("/progress/document", test_document);
  for (guint i = 0; i < G_N_ELEMENTS (one_paragraph_cases); i++)
    {
      const OneParagraphCase *c = &one_paragraph_cases[i];
      g_autofree char *path = g_strdup_printf ("/progress/document-one-paragraph/%s-%s",
                                               c->language == BT_LANGUAGE_ZH ? "zh" : "en",
                                               c->mode == BT_PARAGRAPH_MODE_LINES ? "line" : "block");

      g_test_add_data_func (path, c, test_document_one_paragraph);
    }
  g_test_add_func ("/progress/bilingual", test_bilingual);
  g_test_add_func ("/progress/xliff", test_xliff);
  g_test_add_func ("/progress/xliff-foreign", test_xliff_foreign);
  g_test_add_func ("/progress/json", test_json);
  return g_test_run ();
}
