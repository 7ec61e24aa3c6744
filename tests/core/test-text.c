/* test-text.c: decoding text files and their line map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bt-error.h"
#include "bt-text.h"

static const char simplified[] =
  "新华社北京4月23日电 中共中央总书记习近平23日在重庆主持召开座谈会并发表重要讲话。\n"
  "他强调，西部地区在全国改革发展稳定大局中举足轻重。\n"
  "会议指出，要进一步形成大保护、大开放、高质量发展的新格局。\n";

static const char traditional[] =
  "新華社重慶4月23日電 中共中央總書記習近平23日下午在重慶主持召開座談會並發表重要講話。\n"
  "他強調，西部地區在全國改革發展穩定大局中舉足輕重。\n"
  "會議指出，要進一步形成大保護、大開放、高品質發展新格局。\n";

static GBytes *
encode (const char *utf8,
        const char *encoding,
        const char *prefix,
        gsize       prefix_length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  GByteArray *bytes = g_byte_array_new ();
  gsize length = 0;

  converted = g_convert (utf8, -1, encoding, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *)prefix, prefix_length);
  g_byte_array_append (bytes, (const guint8 *)converted, length);
  return g_byte_array_free_to_bytes (bytes);
}

static BtText *
load (const char  *data,
      gsize        length,
      const char  *encoding,
      GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return bt_text_new_from_bytes (bytes, "test.txt", encoding, error);
}

typedef struct
{
  const char *name;
  const char *text;
  const char *encoding;  /* passed to g_convert */
  const char *bom;
  gsize       bom_length;
  const char *expected;  /* what detection should find */
} DetectCase;

static const DetectCase detect_cases[] = {
  { "utf8", simplified, "UTF-8", "", 0, "UTF-8" },
  { "utf8-bom", simplified, "UTF-8", "\xEF\xBB\xBF", 3, "UTF-8" },
  { "utf8-traditional", traditional, "UTF-8", "", 0, "UTF-8" },
  { "utf16le-bom", simplified, "UTF-16LE", "\xFF\xFE", 2, "UTF-16LE" },
  { "utf16be-bom", traditional, "UTF-16BE", "\xFE\xFF", 2, "UTF-16BE" },
  { "gb18030", simplified, "GB18030", "", 0, "GB18030" },
  { "gb18030-traditional", traditional, "GB18030", "", 0, "GB18030" },
  { "big5", traditional, "BIG5", "", 0, "BIG5" },
  { "big5-short", "我們的國家。\n", "BIG5", "", 0, "BIG5" },
  { "gb18030-short", "我们的国家。\n", "GB18030", "", 0, "GB18030" },
  { "gb18030-four-byte", "欧元符号€与㐀字。\n", "GB18030", "", 0, "GB18030" },
  { "big5-no-punctuation", "中華民國政府今天宣布\n", "BIG5", "", 0, "BIG5" },
  { "gb18030-no-punctuation", "中华人民共和国政府今天宣布\n", "GB18030", "", 0, "GB18030" },
  { "gb18030-mostly-ascii", "Chapter 1 第一章 总则 (2024)\n", "GB18030", "", 0, "GB18030" },
  { "big5-mostly-ascii", "Chapter 1 第一章 總則 (2024)\n", "BIG5", "", 0, "BIG5" },
  { "ascii", "Plain English text.\n", "UTF-8", "", 0, "UTF-8" },
};

static void
test_detect (gconstpointer data)
{
  const DetectCase *c = data;
  g_autoptr(GBytes) bytes = encode (c->text, c->encoding, c->bom, c->bom_length);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = bt_text_new_from_bytes (bytes, "test.txt", NULL, &error);
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (bt_text_get_encoding (text), ==, c->expected);
  g_assert_cmpstr (bt_text_get_contents (text, &length), ==, c->text);
  g_assert_cmpuint (length, ==, strlen (c->text));
  g_assert_cmpstr (bt_text_get_display_name (text), ==, "test.txt");
}

static void
test_forced (void)
{
  g_autoptr(GBytes) big5 = encode (traditional, "BIG5", "", 0);
  g_autoptr(GBytes) utf16 = encode (simplified, "UTF-16LE", "", 0);
  g_autoptr(GBytes) bom16 = encode (simplified, "UTF-16BE", "\xFE\xFF", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) as_big5 = NULL;
  g_autoptr(BtText) as_gb = NULL;
  g_autoptr(BtText) as_utf16 = NULL;
  g_autoptr(BtText) as_be = NULL;
  g_autoptr(BtText) unknown = NULL;

  as_big5 = bt_text_new_from_bytes (big5, "t.txt", "big5", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bt_text_get_encoding (as_big5), ==, "BIG5");
  g_assert_cmpstr (bt_text_get_contents (as_big5, NULL), ==, traditional);

  /* Big5 bytes read as GB18030 decode, but to other characters. */
  as_gb = bt_text_new_from_bytes (big5, "t.txt", "GB18030", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bt_text_get_encoding (as_gb), ==, "GB18030");
  g_assert_cmpstr (bt_text_get_contents (as_gb, NULL), !=, traditional);

  /* UTF-16 without a BOM is only read when asked for. */
  as_utf16 = bt_text_new_from_bytes (utf16, "t.txt", "UTF-16LE", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bt_text_get_contents (as_utf16, NULL), ==, simplified);

  as_be = bt_text_new_from_bytes (bom16, "t.txt", "utf-16be", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bt_text_get_contents (as_be, NULL), ==, simplified);

  unknown = bt_text_new_from_bytes (big5, "t.txt", "KOI8-R", &error);
  g_assert_null (unknown);
  g_assert_error (error, BT_ERROR, BT_ERROR_UNKNOWN_ENCODING);
  g_assert_nonnull (strstr (error->message, "KOI8-R"));
}

static void
test_forced_utf8_rejects_legacy (void)
{
  g_autoptr(GBytes) gb = encode ("第一行\n第二行\n", "GB18030", "", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = bt_text_new_from_bytes (gb, "zh.txt", "UTF-8", &error);

  g_assert_null (text);
  g_assert_error (error, BT_ERROR, BT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "“zh.txt”: line 1, byte 1: invalid UTF-8 bytes"));
}

typedef struct
{
  const char *name;
  const char *input;
  const char *contents;
  guint       n_lines;
} LineEndCase;

static const LineEndCase line_end_cases[] = {
  { "lf", "a\nb\nc", "a\nb\nc", 3 },
  { "crlf", "a\r\nb\r\nc\r\n", "a\nb\nc\n", 3 },
  { "cr", "a\rb\rc", "a\nb\nc", 3 },
  { "mixed", "a\r\n\rb\n\r\nc\r", "a\n\nb\n\nc\n", 5 },
  { "blank-lines", "\n\n", "\n\n", 2 },
  { "no-final-newline", "one line", "one line", 1 },
  { "cr-then-lf-lines", "x\r\r\ny", "x\n\ny", 3 },
};

static void
test_line_ends (gconstpointer data)
{
  const LineEndCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = load (c->input, strlen (c->input), NULL, &error);
  g_autoptr(BtText) from_string = bt_text_new_from_string (c->input, NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (bt_text_get_contents (text, NULL), ==, c->contents);
  g_assert_cmpuint (bt_text_get_n_lines (text), ==, c->n_lines);
  g_assert_cmpstr (bt_text_get_contents (from_string, NULL), ==, c->contents);
  g_assert_cmpuint (bt_text_get_n_lines (from_string), ==, c->n_lines);
}

static void
test_line_map (void)
{
  const char input[] = "第一行\r\n\r\nline three\rfour\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = load (input, strlen (input), NULL, &error);
  const char *contents;
  gsize length = 0;
  guint line = 1;

  g_assert_no_error (error);
  contents = bt_text_get_contents (text, &length);
  g_assert_cmpuint (bt_text_get_n_lines (text), ==, 4);
  g_assert_cmpuint (bt_text_get_line_start (text, 0), ==, 0);
  g_assert_cmpuint (bt_text_get_line_start (text, 1), ==, strlen ("第一行\n"));
  g_assert_cmpuint (bt_text_get_line_start (text, 2), ==, strlen ("第一行\n\n"));
  g_assert_true (g_str_has_prefix (contents + bt_text_get_line_start (text, 3), "four"));

  /* Every byte maps to the line that holds it, the LF to the line it ends. */
  for (gsize offset = 0; offset < length; offset++)
    {
      g_assert_cmpuint (bt_text_get_line_number (text, offset), ==, line);
      if (contents[offset] == '\n')
        line++;
    }
  g_assert_cmpuint (bt_text_get_line_number (text, length), ==, 4);
}

static void
test_line_map_large (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(BtText) text = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (input, "行 %u%s", i + 1, i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "\n");
  text = bt_text_new_from_string (input->str, "big.txt");

  g_assert_cmpuint (bt_text_get_n_lines (text), ==, 10000);
  for (guint i = 0; i < 10000; i += 7)
    {
      gsize start = bt_text_get_line_start (text, i);
      g_autofree char *expected = g_strdup_printf ("行 %u\n", i + 1);

      g_assert_true (g_str_has_prefix (bt_text_get_contents (text, NULL) + start, expected));
      g_assert_cmpuint (bt_text_get_line_number (text, start), ==, i + 1);
      g_assert_cmpuint (bt_text_get_line_number (text, start + 2), ==, i + 1);
    }
}

typedef struct
{
  const char *name;
  const char *data;
  gsize       length;
  const char *encoding;
  BtError     code;
  const char *message;  /* a part of the message */
} RefusalCase;

static const RefusalCase refusal_cases[] = {
  { "empty", "", 0, NULL, BT_ERROR_EMPTY, "“test.txt” is empty" },
  { "utf8-bom-only", "\xEF\xBB\xBF", 3, NULL, BT_ERROR_EMPTY, "byte order mark" },
  { "utf16le-bom-only", "\xFF\xFE", 2, NULL, BT_ERROR_EMPTY, "byte order mark" },
  { "utf16be-bom-only", "\xFE\xFF", 2, NULL, BT_ERROR_EMPTY, "byte order mark" },
  { "gb18030-bom-only", "\x84\x31\x95\x33", 4, "GB18030", BT_ERROR_EMPTY, "is empty" },
  { "nul", "text\0more", 9, NULL, BT_ERROR_BINARY, "byte 5" },
  { "nul-forced-gb", "ab\0", 3, "GB18030", BT_ERROR_BINARY, "NUL" },
  { "png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL, BT_ERROR_BINARY, "not a text file" },
  { "utf16le-nul", "\xFF\xFE" "a\0\0\0b\0", 8, NULL, BT_ERROR_BINARY, "NUL characters (the first at byte 5)" },
  { "utf16be-nul", "\xFE\xFF\0a\0\0", 6, NULL, BT_ERROR_BINARY, "at byte 5" },
  { "utf16le-nul-unaligned", "\xFF\xFE" "\0\x4E" "A\0\0\0", 8, NULL, BT_ERROR_BINARY, "at byte 7" },
  { "utf16le-forced-nul", "a\0\0\0", 4, "UTF-16LE", BT_ERROR_BINARY, "at byte 3" },
  { "utf16-odd-length", "\xFF\xFE" "a\0b", 5, NULL, BT_ERROR_ENCODING,
    "line 1, byte 5: incomplete UTF-16LE sequence" },
  { "utf16-lone-surrogate", "\xFF\xFE" "a\0\n\0\x00\xD8" "b\0", 10, NULL, BT_ERROR_ENCODING,
    "line 2, byte 1: invalid UTF-16LE bytes (00 D8 62 00; byte 7 of the file)" },
  { "utf16be-surrogate-line3", "\xFE\xFF\0a\0\r\0\n\0\r\xDC\x00", 12, NULL, BT_ERROR_ENCODING,
    "line 3, byte 1: invalid UTF-16BE bytes" },
  { "utf8-truncated", "\xE4\xB8", 2, "UTF-8", BT_ERROR_ENCODING,
    "line 1, byte 1: incomplete UTF-8 sequence" },
  { "utf8-overlong", "ok\n\xC0\xAF", 5, "UTF-8", BT_ERROR_ENCODING,
    "line 2, byte 1: invalid UTF-8 bytes (C0 AF; byte 4 of the file)" },
  { "big5-invalid", "\xA4\xA4\r\n\xA4\xE5\r\nab\xFF\x41", 12, "BIG5", BT_ERROR_ENCODING,
    "line 3, byte 3: invalid BIG5 bytes (FF 41; byte 11 of the file)" },
  { "gb18030-truncated", "\xD6\xD0\n\xD6", 4, "GB18030", BT_ERROR_ENCODING,
    "line 2, byte 1: incomplete GB18030 sequence" },
  { "neither-legacy", "\xFF\xFF\xFF", 3, NULL, BT_ERROR_ENCODING,
    "line 1, byte 1: the text is neither UTF-8 nor GB18030 nor Big5 (FF FF FF; byte 1 of the file)" },
  { "latin1", "Caf\xE9\nna\xEFve\n", 11, NULL, BT_ERROR_ENCODING,
    "line 1, byte 4: the text is neither UTF-8 nor GB18030 nor Big5 (E9 0A 6E 61; byte 4 of the file)" },
};

static void
test_refusal (gconstpointer data)
{
  const RefusalCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = load (c->data, c->length, c->encoding, &error);

  g_assert_null (text);
  g_assert_error (error, BT_ERROR, (int) c->code);
  if (strstr (error->message, c->message) == NULL)
    g_error ("“%s” lacks “%s”", error->message, c->message);
  g_assert_true (g_str_has_prefix (error->message, "“test.txt”"));
}

/* A damaged UTF-8 file is reported as UTF-8, not read as a legacy one. */
static void
test_damaged_utf8 (void)
{
  g_autoptr(GString) input = g_string_new ("第一行\n第二行文字，");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;

  g_string_append (input, "\xFF更多\n");
  text = load (input->str, input->len, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, BT_ERROR, BT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "line 2, byte 19: invalid UTF-8 bytes (FF"));
}

static void
test_invalid_gb18030_line (void)
{
  g_autoptr(GBytes) good = encode ("第一行\n第二行\n", "GB18030", "", 0);
  g_autoptr(GByteArray) bad = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (good, &size);

  g_byte_array_append (bad, data, size);
  g_byte_array_append (bad, (const guint8 *)"abc\xD6\xD0\xFF\xFF", 7);
  bytes = g_bytes_new (bad->data, bad->len);
  text = bt_text_new_from_bytes (bytes, "zh.txt", "GB18030", &error);

  g_assert_null (text);
  g_assert_error (error, BT_ERROR, BT_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "“zh.txt”: line 3, byte 6: invalid GB18030 bytes (FF FF; byte 20 of the file)");
}

static char *
make_temp_file (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("bitext-text-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
remove_temp_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_file (void)
{
  g_autofree char *path = make_temp_file ("zh.txt");
  g_autoptr(GBytes) bytes = encode (traditional, "BIG5", "", 0);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
  text = bt_text_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bt_text_get_encoding (text), ==, "BIG5");
  g_assert_cmpstr (bt_text_get_display_name (text), ==, "zh.txt");
  g_assert_cmpstr (bt_text_get_contents (text, NULL), ==, traditional);
  remove_temp_file (path);
}

static void
test_file_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/bitext/zh.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = bt_text_new_from_file (file, NULL, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, BT_ERROR, BT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "zh.txt"));
}

static void
test_file_folder (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = bt_text_new_from_file (file, NULL, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, BT_ERROR, BT_ERROR_IO);
}

/* A sparse 1 GiB file is refused from its size, before it is read. */
static void
test_file_too_large (void)
{
  g_autofree char *path = make_temp_file ("huge.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  int fd = g_open (path, O_CREAT | O_WRONLY, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, G_GINT64_CONSTANT (1) << 30), ==, 0);
  g_close (fd, NULL);

  text = bt_text_new_from_file (file, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, BT_ERROR, BT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“huge.txt” is too large"));
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 1.0);
  remove_temp_file (path);
}

static void
test_file_empty (void)
{
  g_autofree char *path = make_temp_file ("empty.txt");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  text = bt_text_new_from_file (file, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, BT_ERROR, BT_ERROR_EMPTY);
  remove_temp_file (path);
}

/* The limit itself, through bytes: one byte more is refused. */
static void
test_bytes_limit (void)
{
  g_autofree char *data = g_malloc (BT_TEXT_MAX_SIZE + 1);
  g_autoptr(GBytes) at_limit = NULL;
  g_autoptr(GBytes) over = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) accepted = NULL;
  g_autoptr(BtText) refused = NULL;

  memset (data, 'a', BT_TEXT_MAX_SIZE + 1);
  for (gsize i = 79; i < BT_TEXT_MAX_SIZE; i += 80)
    data[i] = '\n';
  over = g_bytes_new_static (data, BT_TEXT_MAX_SIZE + 1);
  refused = bt_text_new_from_bytes (over, "big.txt", NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, BT_ERROR, BT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  at_limit = g_bytes_new_static (data, BT_TEXT_MAX_SIZE);
  accepted = bt_text_new_from_bytes (at_limit, "big.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bt_text_get_n_lines (accepted), ==, BT_TEXT_MAX_SIZE / 80 + 1);
}

static void
check_loaded (BtText *text)
{
  gsize length = 0;
  const char *contents = bt_text_get_contents (text, &length);
  guint n_lines = bt_text_get_n_lines (text);

  g_assert_true (g_utf8_validate (contents, length, NULL));
  g_assert_cmpuint (strlen (contents), ==, length);
  g_assert_null (memchr (contents, '\r', length));
  g_assert_cmpuint (n_lines, >, 0);
  g_assert_cmpuint (bt_text_get_line_number (text, length), ==, n_lines);
  g_assert_cmpuint (bt_text_get_line_start (text, n_lines - 1), <, length);
}

/* Random bytes, weighted towards the bytes decoders find hard, in every
 * encoding: a text or a BT_ERROR, never a crash or a hang. */
static void
test_fuzz (void)
{
  static const guint8 interesting[] = {
    0x00, 0x0A, 0x0D, 0x30, 0x39, 0x40, 0x7E, 0x7F, 0x80, 0x81, 0xA1, 0xA4,
    0xBF, 0xC0, 0xC2, 0xD6, 0xD8, 0xDC, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xFE, 0xFF,
  };
  static const char *encodings[] = { NULL, "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "BIG5" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20241126);
  guint n_loaded = 0;

  for (guint round = 0; round < 12000; round++)
    {
      guint8 buffer[96];
      gsize size = g_rand_int_range (rand, 0, sizeof buffer);
      const char *encoding = encodings[round % G_N_ELEMENTS (encodings)];
      g_autoptr(GError) error = NULL;
      g_autoptr(BtText) text = NULL;

      for (gsize i = 0; i < size; i++)
        buffer[i] = g_rand_boolean (rand)
                    ? interesting[g_rand_int_range (rand, 0, G_N_ELEMENTS (interesting))]
                    : g_rand_int_range (rand, 0, 256);
      text = load ((const char *)buffer, size, encoding, &error);
      if (text != NULL)
        {
          check_loaded (text);
          n_loaded++;
        }
      else
        g_assert_true (error != NULL && error->domain == BT_ERROR);
    }
  g_test_message ("%u of 12000 random inputs loaded", n_loaded);
}

static void
test_supported_encodings (void)
{
  const char * const *encodings = bt_text_get_supported_encodings ();

  g_assert_cmpuint (g_strv_length ((char **)encodings), ==, 5);
  for (guint i = 0; encodings[i] != NULL; i++)
    {
      g_autoptr(GBytes) bytes = encode ("中文\n", encodings[i], "", 0);
      g_autoptr(GError) error = NULL;
      g_autoptr(BtText) text = bt_text_new_from_bytes (bytes, "t.txt", encodings[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (bt_text_get_encoding (text), ==, encodings[i]);
      g_assert_cmpstr (bt_text_get_contents (text, NULL), ==, "中文\n");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (detect_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/text/detect/%s", detect_cases[i].name);
      g_test_add_data_func (path, &detect_cases[i], test_detect);
    }
  for (guint i = 0; i < G_N_ELEMENTS (line_end_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/text/line-ends/%s", line_end_cases[i].name);
      g_test_add_data_func (path, &line_end_cases[i], test_line_ends);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refusal_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/text/refusal/%s", refusal_cases[i].name);
      g_test_add_data_func (path, &refusal_cases[i], test_refusal);
    }
  g_test_add_func ("/text/forced", test_forced);
  g_test_add_func ("/text/forced-utf8-rejects-legacy", test_forced_utf8_rejects_legacy);
  g_test_add_func ("/text/line-map", test_line_map);
  g_test_add_func ("/text/line-map-large", test_line_map_large);
  g_test_add_func ("/text/damaged-utf8", test_damaged_utf8);
  g_test_add_func ("/text/invalid-gb18030-line", test_invalid_gb18030_line);
  g_test_add_func ("/text/file", test_file);
  g_test_add_func ("/text/file-missing", test_file_missing);
  g_test_add_func ("/text/file-folder", test_file_folder);
  g_test_add_func ("/text/file-too-large", test_file_too_large);
  g_test_add_func ("/text/file-empty", test_file_empty);
  g_test_add_func ("/text/bytes-limit", test_bytes_limit);
  g_test_add_func ("/text/fuzz", test_fuzz);
  g_test_add_func ("/text/supported-encodings", test_supported_encodings);

  return g_test_run ();
}
