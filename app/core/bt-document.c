/* bt-document.c: one side of a review, as paragraphs and sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bt-document.h"
#include "bt-error.h"
#include "bt-memory.h"
#include "bt-segmenter.h"
#include "bt-text.h"

struct _BtDocument
{
  GObject parent_instance;

  BtLanguage  language;
  char       *name;

  /* BtParagraph and BtSentence, in document order */
  GArray     *paragraphs;
  GArray     *sentences;
  guint64     n_chars;       /* of all paragraphs */

  /* The texts of the paragraphs read from a file, one after the other:
   * one allocation for them all rather than one each. A paragraph owns
   * any text outside it. */
  char       *texts;
  gsize       texts_size;
  guint       n_own_texts;   /* texts outside it, to free */

  /* Where the last sentence text was found, so that reading the sentences
   * of a long paragraph in order walks it once; under the lock as readers
   * may be on several threads. */
  GMutex            cursor_lock;
  BtDocumentCursor  cursor;
};

G_DEFINE_FINAL_TYPE (BtDocument, bt_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A paragraph being built: its text and sentence spans. */
typedef struct
{
  char   *text;
  guint   n_chars;
  guint   line;
  GArray *spans;
} Piece;

/* Whether @text was allocated for itself rather than placed in the
 * shared block of a file's texts (compared as addresses: the block may
 * not be there at all). */
static gboolean
owns_text (BtDocument *self,
           const char *text)
{
  guintptr at = (guintptr) text, start = (guintptr) self->texts;

  return self->texts == NULL || at < start || at - start >= self->texts_size;
}

static void
free_texts (BtDocument *self,
            guint       first,
            guint       n)
{
  for (guint i = first; i < first + n && self->n_own_texts > 0; i++)
    {
      char *text = g_array_index (self->paragraphs, BtParagraph, i).text;

      if (owns_text (self, text))
        {
          g_free (text);
          self->n_own_texts--;
        }
    }
}

static void
clear_piece (Piece *piece)
{
  g_clear_pointer (&piece->text, g_free);
  g_clear_pointer (&piece->spans, g_array_unref);
}

static void
bt_document_finalize (GObject *object)
{
  BtDocument *self = (BtDocument *)object;

  g_clear_pointer (&self->name, g_free);
  free_texts (self, 0, self->paragraphs->len);
  g_clear_pointer (&self->paragraphs, g_array_unref);
  g_clear_pointer (&self->texts, g_free);
  g_clear_pointer (&self->sentences, g_array_unref);
  g_mutex_clear (&self->cursor_lock);

  G_OBJECT_CLASS (bt_document_parent_class)->finalize (object);
}

static void
bt_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BtDocument *self = BT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BtDocument *self = BT_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      bt_document_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_document_class_init (BtDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_document_finalize;
  object_class->get_property = bt_document_get_property;
  object_class->set_property = bt_document_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bt_document_init (BtDocument *self)
{
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (BtParagraph));
  self->sentences = g_array_new (FALSE, FALSE, sizeof (BtSentence));
  g_mutex_init (&self->cursor_lock);
}

BtDocument *
bt_document_new (BtLanguage language)
{
  BtDocument *self = g_object_new (BT_TYPE_DOCUMENT, NULL);

  self->language = language;
  return self;
}

static BtParagraph *
paragraph_at (BtDocument *self,
              guint       index)
{
  return &g_array_index (self->paragraphs, BtParagraph, index);
}

static BtSentence *
sentence_at (BtDocument *self,
             guint       index)
{
  return &g_array_index (self->sentences, BtSentence, index);
}

/* Recomputes first_sentence and the sentences' paragraph from @index on. */
static void
renumber (BtDocument *self,
          guint       index)
{
  guint s = 0;

  if (index > 0)
    {
      const BtParagraph *before = paragraph_at (self, index - 1);
      s = before->first_sentence + before->n_sentences;
    }

  for (guint p = index; p < self->paragraphs->len; p++)
    {
      BtParagraph *paragraph = paragraph_at (self, p);

      paragraph->first_sentence = s;
      for (guint k = 0; k < paragraph->n_sentences; k++)
        sentence_at (self, s + k)->paragraph = p;
      s += paragraph->n_sentences;
    }
  g_assert (s == self->sentences->len);
}

/* Replaces @n_removed paragraphs at @index with @pieces, whose text and
 * spans it takes. */
static void
replace_paragraphs (BtDocument *self,
                    guint       index,
                    guint       n_removed,
                    Piece      *pieces,
                    guint       n_pieces)
{
  guint first = self->sentences->len;
  guint n_sentences_removed = 0;
  guint s;

  if (index < self->paragraphs->len)
    first = paragraph_at (self, index)->first_sentence;
  for (guint p = index; p < index + n_removed; p++)
    n_sentences_removed += paragraph_at (self, p)->n_sentences;

  g_mutex_lock (&self->cursor_lock);
  self->cursor.text = NULL;
  g_mutex_unlock (&self->cursor_lock);
  g_array_remove_range (self->sentences, first, n_sentences_removed);
  for (guint p = index; p < index + n_removed; p++)
    self->n_chars -= paragraph_at (self, p)->n_chars;
  free_texts (self, index, n_removed);
  g_array_remove_range (self->paragraphs, index, n_removed);

  s = first;
  self->n_own_texts += n_pieces;
  for (guint i = 0; i < n_pieces; i++)
    {
      BtParagraph paragraph = {
        .text = g_steal_pointer (&pieces[i].text),
        .n_chars = pieces[i].n_chars,
        .line = pieces[i].line,
        .first_sentence = s,
        .n_sentences = pieces[i].spans->len,
      };

      for (guint k = 0; k < pieces[i].spans->len; k++)
        {
          const BtSpan *span = &g_array_index (pieces[i].spans, BtSpan, k);
          BtSentence sentence = { index + i, span->start, span->end };

          g_array_insert_val (self->sentences, s++, sentence);
        }
      g_array_insert_val (self->paragraphs, index + i, paragraph);
      self->n_chars += paragraph.n_chars;
    }
  renumber (self, index);
}

/* Adds a paragraph after the last, taking @text as append_text() does:
 * nothing follows it to move or renumber. */
static void
append_spans (BtDocument   *self,
              char         *text,
              guint         n_chars,
              guint         line,
              const BtSpan *spans,
              guint         n_spans)
{
  BtParagraph paragraph = { text, n_chars, line, self->sentences->len, n_spans };
  guint first = self->sentences->len;

  self->n_chars += n_chars;
  self->n_own_texts += owns_text (self, text);
  g_array_set_size (self->sentences, first + n_spans);
  for (guint k = 0; k < n_spans; k++)
    *sentence_at (self, first + k) = (BtSentence) { self->paragraphs->len, spans[k].start, spans[k].end };
  g_array_append_val (self->paragraphs, paragraph);
}

/* How far building from a text has come, reported every stride of its
 * bytes, with a check for cancellation. */
typedef struct
{
  const BtProgress *progress;
  GCancellable     *cancellable;
  const char       *contents;
  gsize             length;
  gsize             next;
} Building;

static gboolean
building_at (Building    *building,
             const char  *at,
             GError     **error)
{
  gsize done = at - building->contents;

  if (done < building->next)
    return TRUE;
  building->next = done + BT_PROGRESS_STRIDE;
  return bt_progress_advance (building->progress, (double) done / building->length,
                              building->cancellable, error);
}

/* Makes @text, valid UTF-8, the text of a new last paragraph, which owns
 * it unless it lies in the document's texts; segments it into @spans, a
 * scratch array reused from one paragraph to the next. When @building,
 * @text came from @from to @to of its contents: a text of many strides
 * reports its progress within itself and may be cancelled there, and
 * then, being no paragraph, is freed unless the document holds it. */
static gboolean
append_text (BtDocument  *self,
             char        *text,
             guint        line,
             GArray      *spans,
             Building    *building,
             const char  *from,
             const char  *to,
             GError     **error)
{
  if (building != NULL && (gsize) (to - from) >= BT_PROGRESS_STRIDE)
    {
      gsize length = building->length;
      BtProgress part = bt_progress_part (building->progress, (double) (from - building->contents) / length,
                                          (double) (to - building->contents) / length);

      if (!bt_segment_sentences_full (text, self->language, spans, &part, building->cancellable, error))
        {
          if (owns_text (self, text))
            g_free (text);
          return FALSE;
        }
    }
  else
    bt_segment_sentences_into (text, self->language, spans);
  append_spans (self, text, g_utf8_strlen (text, -1), line, (const BtSpan *) (gconstpointer) spans->data,
                spans->len);
  return TRUE;
}

static GArray *
spans_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (BtSpan));
}

void
bt_document_append_paragraph (BtDocument *self,
                              const char *text,
                              guint       line)
{
  g_autoptr (GArray) spans = NULL;

  g_return_if_fail (BT_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (g_utf8_validate (text, -1, NULL));

  spans = spans_new ();
  append_text (self, g_strdup (text), line, spans, NULL, NULL, NULL, NULL);
}

static gboolean
check_spans (guint          paragraph,
             guint          n_chars,
             const BtSpan  *spans,
             guint          n_spans,
             GError       **error)
{
  guint expected = 0;

  if (n_spans == 0 && n_chars > 0)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_INVALID,
                   _("Paragraph %u has text but no sentences"), paragraph);
      return FALSE;
    }

  for (guint i = 0; i < n_spans; i++)
    {
      if (spans[i].start != expected || spans[i].end <= spans[i].start || spans[i].end > n_chars)
        {
          g_set_error (error, BT_ERROR, BT_ERROR_INVALID,
                       _("Paragraph %u, sentence %u: the span [%u, %u) does not follow on from %u within the paragraph’s %u characters"),
                       paragraph, i + 1, spans[i].start, spans[i].end, expected, n_chars);
          return FALSE;
        }
      expected = spans[i].end;
    }

  if (expected != n_chars)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_INVALID,
                   _("Paragraph %u: the sentences end at character %u, but the paragraph has %u"),
                   paragraph, expected, n_chars);
      return FALSE;
    }
  return TRUE;
}

gboolean
bt_document_append_segmented (BtDocument    *self,
                              const char    *text,
                              guint          line,
                              const BtSpan  *sentences,
                              guint          n_sentences,
                              GError       **error)
{
  guint number;
  guint n_chars;

  g_return_val_if_fail (BT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (sentences != NULL || n_sentences == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  number = self->paragraphs->len + 1;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BT_ERROR, BT_ERROR_INVALID,
                   _("Paragraph %u is not valid UTF-8"), number);
      return FALSE;
    }

  n_chars = g_utf8_strlen (text, -1);
  if (!check_spans (number, n_chars, sentences, n_sentences, error))
    return FALSE;

  append_spans (self, g_strdup (text), n_chars, line, sentences, n_sentences);
  return TRUE;
}

/* Surrounding whitespace, including U+3000 and stray BOMs. */
static gboolean
is_blank_char (gunichar c)
{
  /* No space separator lies above U+3000, and Han and its punctuation
   * do. */
  if (c > 0x3000)
    return c == 0xFEFF;
  return g_unichar_isspace (c) || c == 0x200B;
}

/* The ASCII characters g_unichar_isspace() takes: not vertical tab. */
static inline gboolean
is_blank_ascii (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Most lines start and end in ASCII or in Han, so a byte tells: only
 * a multibyte character is decoded. */
static void
strip (const char **start,
       const char **end)
{
  while (*start < *end)
    {
      if ((guchar) **start < 0x80 ? !is_blank_ascii (**start) : !is_blank_char (g_utf8_get_char (*start)))
        break;
      *start = g_utf8_next_char (*start);
    }

  while (*end > *start)
    {
      const char *prev;

      if ((guchar) (*end)[-1] < 0x80)
        {
          if (!is_blank_ascii ((*end)[-1]))
            break;
          (*end)--;
          continue;
        }
      prev = g_utf8_find_prev_char (*start, *end);
      if (prev == NULL || !is_blank_char (g_utf8_get_char (prev)))
        break;
      *end = prev;
    }
}

/* Latin words or numbers on both sides of a joint need a space, even in
 * Chinese. */
static gboolean
needs_space (BtLanguage  language,
             const char *before,
             gsize       before_length,
             const char *after)
{
  gunichar last, first;

  if (before_length == 0 || *after == '\0')
    return FALSE;

  last = g_utf8_get_char (g_utf8_find_prev_char (before, before + before_length));
  first = g_utf8_get_char (after);
  if (is_blank_char (last) || is_blank_char (first))
    return FALSE;
  if (language == BT_LANGUAGE_EN)
    return TRUE;

  return g_unichar_isalnum (last) && !g_unichar_iswide (last)
         && g_unichar_isalnum (first) && !g_unichar_iswide (first);
}

typedef struct
{
  const char *start;
  const char *end;
  guint       line;
} Line;

/* The lines of a text's contents, whose line breaks are all LF, read in
 * order as needed rather than stored: a file of empty lines has millions
 * of them. Line @index of the contents is line @index + 1 of the file
 * (see bt_text_get_line_number()); a final line break ends the last line
 * rather than starting another. */
typedef struct
{
  const char *next;
  const char *end;
  guint       line;
} LineReader;

static LineReader
line_reader_new (BtText *text)
{
  gsize length = 0;
  const char *contents = bt_text_get_contents (text, &length);

  return (LineReader) { contents, contents + length, 0 };
}

/* The next line, stripped (a blank one has start == end), or FALSE
 * after the last. */
static gboolean
line_reader_next (LineReader *reader,
                  Line       *line)
{
  const char *newline;

  if (reader->next >= reader->end)
    return FALSE;

  newline = memchr (reader->next, '\n', reader->end - reader->next);
  line->start = reader->next;
  line->end = newline != NULL ? newline : reader->end;
  line->line = ++reader->line;
  reader->next = newline != NULL ? newline + 1 : reader->end;
  strip (&line->start, &line->end);
  return TRUE;
}

static gboolean
has_blank_separator (BtText *text)
{
  LineReader reader = line_reader_new (text);
  gboolean text_before = FALSE;
  gboolean blank_after_text = FALSE;
  Line line;

  while (line_reader_next (&reader, &line))
    {
      gboolean blank = line.start == line.end;

      if (!blank && blank_after_text)
        return TRUE;
      if (blank && text_before)
        blank_after_text = TRUE;
      text_before |= !blank;
    }
  return FALSE;
}

static gboolean
append_blocks (BtDocument  *self,
               BtText      *text,
               Building    *building,
               GError     **error)
{
  g_autoptr(GString) block = g_string_new (NULL);
  g_autoptr (GArray) spans = spans_new ();
  LineReader reader = line_reader_new (text);
  guint block_line = 0;
  const char *block_from = NULL, *block_to = NULL;
  gboolean more = TRUE;

  while (more)
    {
      Line line = { NULL, NULL, 0 };

      more = line_reader_next (&reader, &line);

      /* A block reports from its start until it is segmented, which
       * reports the rest. */
      if (line.start != NULL && !building_at (building, block->len > 0 ? block_from : line.start, error))
        return FALSE;
      if (line.start == line.end)
        {
          if (block->len > 0 &&
              !append_text (self, g_strndup (block->str, block->len), block_line, spans, building, block_from,
                            block_to, error))
            return FALSE;
          g_string_truncate (block, 0);
          continue;
        }

      if (block->len == 0)
        {
          block_line = line.line;
          block_from = line.start;
        }
      else if (needs_space (self->language, block->str, block->len, line.start))
        g_string_append_c (block, ' ');
      g_string_append_len (block, line.start, line.end - line.start);
      block_to = line.end;
    }
  return TRUE;
}

/* At most a paragraph per line, and a line of text holds a byte other
 * than white space: the fewer of the two, counted no further than needed.
 * A file of a million blank lines needs no room at all. */
static guint
max_paragraphs (BtText *text,
                guint   n_lines)
{
  gsize length = 0;
  const char *contents = bt_text_get_contents (text, &length);
  guint n = 0;

  for (gsize i = 0; i < length && n < n_lines; i++)
    n += !g_ascii_isspace (contents[i]);
  return n;
}

static gboolean
append_lines (BtDocument  *self,
              BtText      *text,
              Building    *building,
              GError     **error)
{
  g_autoptr (GArray) spans = spans_new ();
  LineReader reader = line_reader_new (text);
  gsize used = 0;
  guint n_paragraphs;
  Line line;

  /* A line is at most as long as it was in the contents with its line
   * break: the copies and their nuls fit in as much room. */
  bt_text_get_contents (text, &self->texts_size);
  self->texts_size++;
  self->texts = bt_memory_alloc (self->texts_size, 1);
  /* Room for a paragraph and a sentence per line of text at once:
   * growing them line by line would copy millions of them over and over. */
  n_paragraphs = max_paragraphs (text, bt_text_get_n_lines (text));
  bt_memory_array_reserve (self->paragraphs, n_paragraphs);
  bt_memory_array_reserve (self->sentences, n_paragraphs);
  while (line_reader_next (&reader, &line))
    {
      char *copy = self->texts + used;

      if (!building_at (building, line.start, error))
        return FALSE;
      if (line.start == line.end)
        continue;
      memcpy (copy, line.start, line.end - line.start);
      copy[line.end - line.start] = '\0';
      used += line.end - line.start + 1;
      g_assert (used <= self->texts_size);
      if (!append_text (self, copy, line.line, spans, building, line.start, line.end, error))
        return FALSE;
    }
  return TRUE;
}

BtDocument *
bt_document_new_from_text (BtText          *text,
                           BtLanguage       language,
                           BtParagraphMode  mode)
{
  g_return_val_if_fail (BT_IS_TEXT (text), NULL);

  return bt_document_new_from_text_full (text, language, mode, NULL, NULL, NULL);
}

BtDocument *
bt_document_new_from_text_full (BtText            *text,
                                BtLanguage         language,
                                BtParagraphMode    mode,
                                const BtProgress  *progress,
                                GCancellable      *cancellable,
                                GError           **error)
{
  g_autoptr(BtDocument) self = NULL;
  Building building = { progress, cancellable, NULL, 0, 0 };
  gboolean built;

  g_return_val_if_fail (BT_IS_TEXT (text), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = bt_document_new (language);
  self->name = g_strdup (bt_text_get_display_name (text));
  building.contents = bt_text_get_contents (text, &building.length);

  if (mode == BT_PARAGRAPH_MODE_AUTO)
    mode = has_blank_separator (text) ? BT_PARAGRAPH_MODE_BLANK_LINES : BT_PARAGRAPH_MODE_LINES;

  if (mode == BT_PARAGRAPH_MODE_BLANK_LINES)
    built = append_blocks (self, text, &building, error);
  else
    built = append_lines (self, text, &building, error);
  if (!built)
    return NULL;
  bt_progress_report (progress, 1);
  return g_steal_pointer (&self);
}

BtDocument *
bt_document_copy (BtDocument *self)
{
  BtDocument *copy;

  g_return_val_if_fail (BT_IS_DOCUMENT (self), NULL);

  copy = bt_document_new (self->language);
  copy->name = g_strdup (self->name);
  g_array_append_vals (copy->paragraphs, self->paragraphs->data, self->paragraphs->len);
  for (guint i = 0; i < copy->paragraphs->len; i++)
    paragraph_at (copy, i)->text = g_strdup (paragraph_at (self, i)->text);
  copy->n_own_texts = copy->paragraphs->len;
  copy->n_chars = self->n_chars;
  g_array_append_vals (copy->sentences, self->sentences->data, self->sentences->len);
  return copy;
}

BtLanguage
bt_document_get_language (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), BT_LANGUAGE_ZH);

  return self->language;
}

const char *
bt_document_get_name (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), NULL);

  return self->name;
}

void
bt_document_set_name (BtDocument *self,
                      const char *name)
{
  g_return_if_fail (BT_IS_DOCUMENT (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

guint
bt_document_get_n_paragraphs (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), 0);

  return self->paragraphs->len;
}

const BtParagraph *
bt_document_get_paragraph (BtDocument *self,
                           guint       index)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->paragraphs->len, NULL);

  return paragraph_at (self, index);
}

guint
bt_document_get_n_sentences (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), 0);

  return self->sentences->len;
}

const BtSentence *
bt_document_get_sentence (BtDocument *self,
                          guint       index)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->sentences->len, NULL);

  return sentence_at (self, index);
}

/* @text at code point @offset, walking on from @cursor when it is in the
 * same text and not past @offset */
static const char *
cursor_walk (BtDocumentCursor *cursor,
             const char       *text,
             guint             offset)
{
  const char *pointer;

  if (cursor->text == text && cursor->offset <= offset)
    pointer = g_utf8_offset_to_pointer (cursor->pointer, offset - cursor->offset);
  else
    pointer = g_utf8_offset_to_pointer (text, offset);
  cursor->text = text;
  cursor->offset = offset;
  cursor->pointer = pointer;
  return pointer;
}

static const char *
sentence_text (BtDocument       *self,
               guint             index,
               BtDocumentCursor *cursor,
               gsize            *length)
{
  const BtSentence *sentence = sentence_at (self, index);
  const char *text = paragraph_at (self, sentence->paragraph)->text;
  const char *start = cursor_walk (cursor, text, sentence->start);
  const char *end = cursor_walk (cursor, text, sentence->end);

  *length = end - start;
  return start;
}

char *
bt_document_dup_sentence_text (BtDocument *self,
                               guint       index)
{
  const char *start;
  gsize length;

  g_return_val_if_fail (BT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->sentences->len, NULL);

  g_mutex_lock (&self->cursor_lock);
  start = sentence_text (self, index, &self->cursor, &length);
  g_mutex_unlock (&self->cursor_lock);
  return g_strndup (start, length);
}

const char *
bt_document_peek_sentence (BtDocument       *self,
                           guint             index,
                           BtDocumentCursor *cursor,
                           gsize            *length)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->sentences->len, NULL);
  g_return_val_if_fail (cursor != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  return sentence_text (self, index, cursor, length);
}

guint64
bt_document_get_n_chars (BtDocument *self)
{
  g_return_val_if_fail (BT_IS_DOCUMENT (self), 0);

  return self->n_chars;
}

/* The spans of @paragraph clipped to [@from, @to), shifted to start at 0;
 * spans left empty are dropped. */
static GArray *
clip_spans (BtDocument        *self,
            const BtParagraph *paragraph,
            guint              from,
            guint              to)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));

  for (guint k = 0; k < paragraph->n_sentences; k++)
    {
      const BtSentence *sentence = sentence_at (self, paragraph->first_sentence + k);
      BtSpan span = { MAX (sentence->start, from) - from, MIN (sentence->end, to) - from };

      if (sentence->start < to && sentence->end > from && span.end > span.start)
        g_array_append_val (spans, span);
    }
  return spans;
}

/* The part of @text between code points @from and @to, stripped; its
 * bounds in code points go to @from and @to. */
static char *
dup_stripped (const char *text,
              guint      *from,
              guint      *to)
{
  const char *start = g_utf8_offset_to_pointer (text, *from);
  const char *end = g_utf8_offset_to_pointer (start, *to - *from);
  const char *stripped_start = start;
  const char *stripped_end = end;

  strip (&stripped_start, &stripped_end);
  *from += g_utf8_strlen (start, stripped_start - start);
  *to -= g_utf8_strlen (stripped_end, end - stripped_end);
  return g_strndup (stripped_start, stripped_end - stripped_start);
}

static gboolean
make_piece (BtDocument        *self,
            const BtParagraph *paragraph,
            guint              from,
            guint              to,
            Piece             *piece)
{
  piece->text = dup_stripped (paragraph->text, &from, &to);
  piece->n_chars = to > from ? to - from : 0;
  piece->line = paragraph->line;
  piece->spans = NULL;
  if (piece->n_chars == 0)
    {
      g_clear_pointer (&piece->text, g_free);
      return FALSE;
    }

  piece->spans = clip_spans (self, paragraph, from, to);
  return TRUE;
}

gboolean
bt_document_split_paragraph (BtDocument *self,
                             guint       paragraph,
                             guint       at_char)
{
  const BtParagraph *old;
  Piece pieces[2] = { { NULL } };

  g_return_val_if_fail (BT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (paragraph < self->paragraphs->len, FALSE);

  old = paragraph_at (self, paragraph);
  if (at_char == 0 || at_char >= old->n_chars)
    return FALSE;

  if (!make_piece (self, old, 0, at_char, &pieces[0])
      || !make_piece (self, old, at_char, old->n_chars, &pieces[1]))
    {
      clear_piece (&pieces[0]);
      clear_piece (&pieces[1]);
      return FALSE;
    }

  replace_paragraphs (self, paragraph, 1, pieces, 2);
  clear_piece (&pieces[0]);
  clear_piece (&pieces[1]);
  return TRUE;
}

gboolean
bt_document_merge_paragraphs (BtDocument *self,
                              guint       paragraph)
{
  const BtParagraph *first, *second;
  Piece piece;
  guint shift;
  gboolean space;

  g_return_val_if_fail (BT_IS_DOCUMENT (self), FALSE);

  if (paragraph + 1 >= self->paragraphs->len)
    return FALSE;

  first = paragraph_at (self, paragraph);
  second = paragraph_at (self, paragraph + 1);
  space = needs_space (self->language, first->text, strlen (first->text), second->text);
  shift = first->n_chars + (space ? 1 : 0);

  piece.text = g_strconcat (first->text, space ? " " : "", second->text, NULL);
  piece.n_chars = shift + second->n_chars;
  piece.line = first->line;
  piece.spans = clip_spans (self, first, 0, first->n_chars);
  if (piece.spans->len > 0)
    g_array_index (piece.spans, BtSpan, piece.spans->len - 1).end = shift;
  for (guint k = 0; k < second->n_sentences; k++)
    {
      const BtSentence *sentence = sentence_at (self, second->first_sentence + k);
      BtSpan span = { sentence->start + shift, sentence->end + shift };

      if (piece.spans->len == 0 && span.start > 0)
        span.start = 0;
      g_array_append_val (piece.spans, span);
    }

  replace_paragraphs (self, paragraph, 2, &piece, 1);
  clear_piece (&piece);
  return TRUE;
}

static void
shift_first_sentences (BtDocument *self,
                       guint       after_paragraph,
                       int         delta)
{
  for (guint p = after_paragraph + 1; p < self->paragraphs->len; p++)
    paragraph_at (self, p)->first_sentence += delta;
}

gboolean
bt_document_split_sentence (BtDocument *self,
                            guint       sentence,
                            guint       at_char)
{
  BtSentence *old;
  BtSentence second;

  g_return_val_if_fail (BT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (sentence < self->sentences->len, FALSE);

  old = sentence_at (self, sentence);
  if (at_char <= old->start || at_char >= old->end)
    return FALSE;

  second = (BtSentence) { old->paragraph, at_char, old->end };
  old->end = at_char;
  g_array_insert_val (self->sentences, sentence + 1, second);
  paragraph_at (self, second.paragraph)->n_sentences++;
  shift_first_sentences (self, second.paragraph, 1);
  return TRUE;
}

gboolean
bt_document_merge_sentences (BtDocument *self,
                             guint       sentence)
{
  BtSentence *first;
  const BtSentence *second;

  g_return_val_if_fail (BT_IS_DOCUMENT (self), FALSE);

  if (sentence + 1 >= self->sentences->len)
    return FALSE;

  first = sentence_at (self, sentence);
  second = sentence_at (self, sentence + 1);
  if (first->paragraph != second->paragraph)
    return FALSE;

  first->end = second->end;
  paragraph_at (self, first->paragraph)->n_sentences--;
  shift_first_sentences (self, first->paragraph, -1);
  g_array_remove_index (self->sentences, sentence + 1);
  return TRUE;
}
