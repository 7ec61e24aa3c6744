/* bt-document.h: one side of a review, as paragraphs and sentences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bt-progress.h"
#include "bt-types.h"

G_BEGIN_DECLS

typedef enum
{
  BT_PARAGRAPH_MODE_AUTO,        /* blank-line blocks if the file uses them, else lines */
  BT_PARAGRAPH_MODE_LINES,       /* every non-empty line is a paragraph */
  BT_PARAGRAPH_MODE_BLANK_LINES, /* blocks separated by blank lines */
} BtParagraphMode;

typedef struct
{
  char  *text;           /* UTF-8, no line break */
  guint  n_chars;        /* code points in text */
  guint  line;           /* 1-based line of the file where it starts; 0 if none */
  guint  first_sentence; /* index into the document's sentences */
  guint  n_sentences;
} BtParagraph;

typedef struct
{
  guint paragraph;       /* index of the paragraph holding it */
  guint start;           /* code points into the paragraph's text */
  guint end;
} BtSentence;

/* Where reading sentences in order has got to, so that the sentences of
 * a long paragraph are found in one walk of it; start it zeroed, and use
 * it only while the paragraphs stay as they are. */
typedef struct
{
  const char *text;      /* the paragraph text @pointer points into */
  const char *pointer;
  guint       offset;    /* code points of @text before @pointer */
} BtDocumentCursor;

#define BT_TYPE_DOCUMENT (bt_document_get_type ())
G_DECLARE_FINAL_TYPE (BtDocument, bt_document, BT, DOCUMENT, GObject)

BtDocument        *bt_document_new                  (BtLanguage       language);
BtDocument        *bt_document_new_from_text        (BtText          *text,
                                                     BtLanguage       language,
                                                     BtParagraphMode  mode);
/* The same, reporting to @progress (nullable) as the paragraphs are
 * segmented; NULL with G_IO_ERROR_CANCELLED soon after @cancellable is
 * cancelled. */
BtDocument        *bt_document_new_from_text_full   (BtText            *text,
                                                     BtLanguage         language,
                                                     BtParagraphMode    mode,
                                                     const BtProgress  *progress,
                                                     GCancellable      *cancellable,
                                                     GError           **error);
BtDocument        *bt_document_copy                 (BtDocument      *self);

/* Appends a paragraph and segments it into sentences. */
void               bt_document_append_paragraph     (BtDocument      *self,
                                                     const char      *text,
                                                     guint            line);
/* Appends a paragraph whose sentences are already known (a saved review). */
gboolean           bt_document_append_segmented     (BtDocument      *self,
                                                     const char      *text,
                                                     guint            line,
                                                     const BtSpan    *sentences,
                                                     guint            n_sentences,
                                                     GError         **error);

BtLanguage         bt_document_get_language         (BtDocument      *self);
const char        *bt_document_get_name             (BtDocument      *self);
void               bt_document_set_name             (BtDocument      *self,
                                                     const char      *name);
guint              bt_document_get_n_paragraphs     (BtDocument      *self);
const BtParagraph *bt_document_get_paragraph        (BtDocument      *self,
                                                     guint            index);
guint              bt_document_get_n_sentences      (BtDocument      *self);
const BtSentence  *bt_document_get_sentence         (BtDocument      *self,
                                                     guint            index);
char              *bt_document_dup_sentence_text    (BtDocument      *self,
                                                     guint            index);
/* The text of sentence @index where it lies in its paragraph's: @length
 * bytes from the pointer returned, not nul-terminated and not copied. */
const char        *bt_document_peek_sentence        (BtDocument       *self,
                                                     guint             index,
                                                     BtDocumentCursor *cursor,
                                                     gsize            *length);
/* Code points in all paragraphs. */
guint64            bt_document_get_n_chars          (BtDocument      *self);

/* Corrections of segmentation; indices after the change shift by one.
 * @at_char counts code points into the paragraph, for sentences too; a
 * split paragraph loses the whitespace at the cut; merged paragraphs are
 * joined with a space in English, and in Chinese only between Latin
 * letters or digits. */
gboolean           bt_document_split_paragraph      (BtDocument      *self,
                                                     guint            paragraph,
                                                     guint            at_char);
gboolean           bt_document_merge_paragraphs     (BtDocument      *self,
                                                     guint            paragraph);
gboolean           bt_document_split_sentence       (BtDocument      *self,
                                                     guint            sentence,
                                                     guint            at_char);
gboolean           bt_document_merge_sentences      (BtDocument      *self,
                                                     guint            sentence);

G_END_DECLS
