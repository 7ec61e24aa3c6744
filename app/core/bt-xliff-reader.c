/* bt-xliff-reader.c: opens review files and other tools' XLIFF
 *
 * The parser never touches the network, loads no DTD, expands no entity
 * and refuses files that declare entities at all, so XXE and
 * billion-laughs files fail before they cost anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/SAX2.h>
#include <string.h>

#include "bt-error.h"
#include "bt-review-io.h"
#include "bt-review-private.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"

#define XLIFF12_NS "urn:oasis:names:tc:xliff:document:1.2"
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING \
                       | XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

typedef struct
{
  const char *name;
  GPtrArray  *warnings;
  GHashTable *warned;     /* message => TRUE: say each thing once */
  GHashTable *units;      /* unit id => paragraph index + 1 */
  BtReview   *review;
} Reader;

typedef struct
{
  long     entity_line;   /* where the first entity declaration is, or 0 */
} ParseGuard;

static gboolean G_GNUC_PRINTF (4, 5)
fail (Reader      *self,
      xmlNode     *node,
      GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BT_ERROR, BT_ERROR_FORMAT,
               /* Translators: file name, XML line, what is wrong */
               _("%s, line %ld: %s"), self->name, node != NULL ? xmlGetLineNo (node) : 0L, message);
  return FALSE;
}

static void
warn (Reader     *self,
      const char *message)
{
  if (g_hash_table_contains (self->warned, message))
    return;
  g_hash_table_add (self->warned, g_strdup (message));
  g_ptr_array_add (self->warnings, g_strdup (message));
}

/* Element helpers */

static gboolean
is_element (xmlNode    *node,
            const char *ns,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE
         && node->ns != NULL
         && g_strcmp0 ((const char *) node->ns->href, ns) == 0
         && g_strcmp0 ((const char *) node->name, name) == 0;
}

static xmlNode *
first_child (xmlNode    *node,
             const char *ns,
             const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_element (child, ns, name))
      return child;
  return NULL;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
get_text (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return copy;
}

/* Parsing */

static void
entity_declared_cb (void          *ctx,
                    const xmlChar *name,
                    int            type,
                    const xmlChar *public_id,
                    const xmlChar *system_id,
                    xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = ctx;
  ParseGuard *guard = ctxt->_private;

  if (guard->entity_line == 0)
    guard->entity_line = MAX (1, xmlSAX2GetLineNumber (ctx));
  xmlStopParser (ctxt);
}

static gboolean
check_limits (Reader   *self,
              xmlNode  *node,
              int       depth,
              GError  **error)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (depth > BT_XLIFF_MAX_DEPTH)
        return fail (self, node, error, _("elements nest deeper than %d levels"), BT_XLIFF_MAX_DEPTH);
      for (xmlAttr *a = node->properties; a != NULL; a = a->next)
        if (a->children != NULL && a->children->content != NULL
            && strlen ((const char *) a->children->content) > BT_XLIFF_MAX_ATTRIBUTE)
          return fail (self, node, error, _("the attribute “%s” is longer than %d bytes"),
                       (const char *) a->name, BT_XLIFF_MAX_ATTRIBUTE);
      if (!check_limits (self, node->children, depth + 1, error))
        return FALSE;
    }
  return TRUE;
}

static xmlDoc *
parse (Reader      *self,
       const char  *data,
       gsize        size,
       GError     **error)
{
  ParseGuard guard = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_XML, _("%s: out of memory"), self->name);
      return NULL;
    }
  ctxt->_private = &guard;
  ctxt->sax->entityDecl = entity_declared_cb;
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, NULL, PARSE_OPTIONS);
  if (guard.entity_line > 0)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_XML,
                   _("%s, line %ld: the file declares XML entities; it is refused as possibly hostile"),
                   self->name, guard.entity_line);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *e = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = g_strstrip (g_strdup (e != NULL && e->message ? e->message : "?"));

      g_set_error (error, BT_ERROR, BT_ERROR_XML,
                   _("%s, line %d: malformed XML: %s"), self->name, e != NULL ? e->line : 0, message);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* Metadata groups: the direct <mda:meta> children by type. Values point
 * into the tree; only text split over several nodes is copied. */

#define MAX_METAS 16

typedef struct
{
  guint       n;
  const char *type[MAX_METAS];
  const char *value[MAX_METAS];
  char       *owned[MAX_METAS];
} Metas;

static void
metas_clear (Metas *metas)
{
  for (guint i = 0; i < metas->n; i++)
    g_free (metas->owned[i]);
  metas->n = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Metas, metas_clear)

/* An attribute's value without copying it; NULL if absent or not plain. */
static const char *
peek_attribute (xmlNode    *node,
                const char *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (a->ns == NULL && strcmp ((const char *) a->name, name) == 0)
      return a->children != NULL && a->children->type == XML_TEXT_NODE && a->children->next == NULL
             ? (const char *) a->children->content : NULL;
  return NULL;
}

static void
metas_add (Metas   *metas,
           xmlNode *meta)
{
  const char *type = peek_attribute (meta, "type");
  xmlNode *text = meta->children;
  guint i;

  if (type == NULL)
    return;
  for (i = 0; i < metas->n && strcmp (metas->type[i], type) != 0; i++)
    ;
  if (i == MAX_METAS)
    return;
  if (i == metas->n)
    metas->n++;
  else
    g_clear_pointer (&metas->owned[i], g_free);
  metas->type[i] = type;
  if (text == NULL)
    metas->value[i] = "";
  else if (text->type == XML_TEXT_NODE && text->next == NULL)
    metas->value[i] = (const char *) text->content;
  else
    metas->value[i] = metas->owned[i] = get_text (meta);
}

static Metas
read_metas (xmlNode *group)
{
  Metas metas = { 0 };

  for (xmlNode *child = group->children; child != NULL; child = child->next)
    if (is_element (child, BT_XLIFF_MDA_NS, "meta"))
      metas_add (&metas, child);
  return metas;
}

static const char *
metas_get (const Metas *metas,
           const char  *type)
{
  for (guint i = 0; i < metas->n; i++)
    if (strcmp (metas->type[i], type) == 0)
      return metas->value[i];
  return NULL;
}

/* The meta's value, or "" when there is none. */
static const char *
lookup (const Metas *metas,
        const char  *type)
{
  const char *value = metas_get (metas, type);

  return value != NULL ? value : "";
}

static gboolean
has_category (xmlNode    *node,
              const char *category)
{
  if (!is_element (node, BT_XLIFF_MDA_NS, "metaGroup"))
    return FALSE;
  return g_strcmp0 (peek_attribute (node, "category"), category) == 0;
}

static gboolean
read_uint_meta (Reader      *self,
                xmlNode     *node,
                const Metas *metas,
                const char  *type,
                guint       *value,
                GError     **error)
{
  if (!bt_io_parse_uint (metas_get (metas, type), value))
    return fail (self, node, error, _("the meta “%s” is missing or not a whole number"), type);
  return TRUE;
}

typedef struct
{
  BtOrigin   origin;
  double     confidence;
  BtState    state;
  char      *by;
  gint64     at;
} Decided;

static gboolean
read_decided (Reader      *self,
              xmlNode     *node,
              const Metas *metas,
              Decided     *decided,
              GError     **error)
{
  const char *at = metas_get (metas, "decided-at");

  if (!bt_origin_from_string (lookup (metas, "origin"), &decided->origin))
    return fail (self, node, error, _("the meta “%s” is missing or unknown"), "origin");
  if (!bt_io_parse_double (metas_get (metas, "confidence"), &decided->confidence)
      || !(decided->confidence >= 0 && decided->confidence <= 1))
    return fail (self, node, error, _("the meta “%s” is missing or out of range"), "confidence");
  if (!bt_state_from_string (lookup (metas, "state"), &decided->state))
    return fail (self, node, error, _("the meta “%s” is missing or unknown"), "state");
  decided->at = 0;
  if (at != NULL && !bt_io_parse_time (at, &decided->at))
    return fail (self, node, error, _("the meta “%s” is not an ISO 8601 time"), "decided-at");
  decided->by = g_strdup (metas_get (metas, "decided-by"));
  return TRUE;
}

/* "start end start end…" */
static gboolean
parse_spans (const char *string,
             GArray     *spans)
{
  const char *p = string;

  if (string == NULL)
    return FALSE;
  while (*p != '\0')
    {
      guint64 numbers[2];

      for (int k = 0; k < 2; k++)
        {
          char *end = NULL;

          if (!g_ascii_isdigit (*p))
            return FALSE;
          numbers[k] = g_ascii_strtoull (p, &end, 10);
          if (numbers[k] > G_MAXUINT || (*end != ' ' && *end != '\0') || (k == 0 && *end != ' '))
            return FALSE;
          p = *end == ' ' ? end + 1 : end;
        }
      g_array_append_val (spans, ((BtSpan) { (guint) numbers[0], (guint) numbers[1] }));
      if (p[-1] == ' ' && *p == '\0')
        return FALSE;
    }
  return TRUE;
}

static gboolean
append_paragraph (Reader      *self,
                  xmlNode     *node,
                  BtDocument  *document,
                  const char  *text,
                  const Metas *metas,
                  const char  *spans_text,
                  GError     **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));
  g_autoptr(GError) local_error = NULL;
  guint line = 0;

  if (metas_get (metas, "line") != NULL && !read_uint_meta (self, node, metas, "line", &line, error))
    return FALSE;
  if (!parse_spans (spans_text, spans))
    return fail (self, node, error, _("the meta “%s” is missing or malformed"), "sentences");
  if (!bt_document_append_segmented (document, text, line, (BtSpan *) spans->data, spans->len, &local_error))
    return fail (self, node, error, "%s", local_error->message);
  return TRUE;
}

/* Bitext review files: the subtrees are read into Loaded as they come,
 * then the review is built from it in one go. */

typedef enum
{
  ITEM_LINK,
  ITEM_ADDITION,
  ITEM_OMISSION,
} ItemKind;

typedef struct
{
  ItemKind    kind;
  long        line;
  guint       paragraph;
  guint       sentence;
  guint       start;
  guint       end;
  BtCategory  category;
  BtSeverity  severity;
  char       *ref;       /* links: the unit's fragment identifier */
  char       *comment;
  Decided     decided;
} Item;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->ref);
  g_free (item->comment);
  g_free (item->decided.by);
}

typedef struct
{
  BtDocument *source;
  BtDocument *target;
  GArray     *items;      /* Item */
  GArray     *statuses;   /* BtStatus per source paragraph */
  GPtrArray  *notes;      /* per source paragraph, NULL for none */
  double      threshold;
  char       *reviewer;
} Loaded;

static void
loaded_init (Loaded *loaded)
{
  loaded->source = bt_document_new (BT_LANGUAGE_ZH);
  loaded->target = bt_document_new (BT_LANGUAGE_EN);
  loaded->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (loaded->items, item_clear);
  loaded->statuses = g_array_new (FALSE, FALSE, sizeof (BtStatus));
  loaded->notes = g_ptr_array_new_with_free_func (g_free);
}

static void
loaded_clear (Loaded *loaded)
{
  g_clear_object (&loaded->source);
  g_clear_object (&loaded->target);
  g_clear_pointer (&loaded->items, g_array_unref);
  g_clear_pointer (&loaded->statuses, g_array_unref);
  g_clear_pointer (&loaded->notes, g_ptr_array_unref);
  g_clear_pointer (&loaded->reviewer, g_free);
}

static gboolean
collect_decided (Reader   *self,
                 xmlNode  *group,
                 Loaded   *loaded,
                 Item     *item,
                 GError  **error)
{
  g_auto(Metas) metas_ = read_metas (group);

  item->line = xmlGetLineNo (group);
  if (!read_decided (self, group, &metas_, &item->decided, error))
    return FALSE;
  if (item->kind == ITEM_LINK)
    item->ref = g_strdup (metas_get (&metas_, "source"));
  g_array_append_val (loaded->items, *item);
  return TRUE;
}

static gboolean
collect_sentence (Reader   *self,
                  xmlNode  *group,
                  Loaded   *loaded,
                  guint     sentence,
                  GError  **error)
{
  for (xmlNode *child = group->children; child != NULL; child = child->next)
    {
      Item item = { ITEM_LINK };

      item.sentence = sentence;
      if (has_category (child, "bitext:addition"))
        item.kind = ITEM_ADDITION;
      else if (!has_category (child, "bitext:link"))
        continue;
      if (!collect_decided (self, child, loaded, &item, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
collect_target_paragraph (Reader   *self,
                          xmlNode  *group,
                          Loaded   *loaded,
                          GError  **error)
{
  g_auto(Metas) metas_ = read_metas (group);
  const Metas *metas = &metas_;
  g_autoptr(GString) spans = g_string_new (NULL);
  const char *text = metas_get (metas, "text");
  guint sentence = bt_document_get_n_sentences (loaded->target);

  if (text == NULL)
    return fail (self, group, error, _("the meta “%s” is missing"), "text");
  for (xmlNode *child = group->children; child != NULL; child = child->next)
    if (has_category (child, "bitext:target-sentence"))
      {
        g_auto(Metas) sentence_metas = read_metas (child);
        const char *span = metas_get (&sentence_metas, "span");

        if (span == NULL)
          return fail (self, child, error, _("the meta “%s” is missing"), "span");
        if (spans->len > 0)
          g_string_append_c (spans, ' ');
        g_string_append (spans, span);
        if (!collect_sentence (self, child, loaded, sentence++, error))
          return FALSE;
      }
  return append_paragraph (self, group, loaded->target, text, metas, spans->str, error);
}

static gboolean
collect_review_group (Reader   *self,
                      xmlNode  *group,
                      Loaded   *loaded,
                      GError  **error)
{
  g_auto(Metas) metas_ = read_metas (group);
  const Metas *metas = &metas_;
  guint profile = 0;

  if (!read_uint_meta (self, group, metas, "profile", &profile, error))
    return FALSE;
  if (profile != 1)
    return fail (self, group, error, _("the file uses Bitext profile %u, which this version cannot read"), profile);
  if (!bt_io_parse_double (metas_get (metas, "threshold"), &loaded->threshold))
    return fail (self, group, error, _("the meta “%s” is missing or malformed"), "threshold");
  /* A file may repeat the group; the last one wins. */
  g_free (loaded->reviewer);
  loaded->reviewer = g_strdup (metas_get (metas, "reviewer"));
  if (metas_get (metas, "source-name") != NULL)
    bt_document_set_name (loaded->source, metas_get (metas, "source-name"));
  if (metas_get (metas, "target-name") != NULL)
    bt_document_set_name (loaded->target, metas_get (metas, "target-name"));
  return TRUE;
}

static char *
source_text (xmlNode *unit)
{
  xmlNode *segment = first_child (unit, BT_XLIFF_NS, "segment");
  xmlNode *source = segment != NULL ? first_child (segment, BT_XLIFF_NS, "source") : NULL;

  return source != NULL ? get_text (source) : NULL;
}

static gboolean
collect_omission (Reader   *self,
                  xmlNode  *group,
                  Loaded   *loaded,
                  guint     paragraph,
                  GError  **error)
{
  g_auto(Metas) metas_ = read_metas (group);
  const Metas *metas = &metas_;
  Item item = { ITEM_OMISSION };

  item.paragraph = paragraph;
  if (!read_uint_meta (self, group, metas, "start", &item.start, error)
      || !read_uint_meta (self, group, metas, "end", &item.end, error))
    return FALSE;
  if (!bt_category_from_string (lookup (metas, "category"), &item.category))
    return fail (self, group, error, _("the meta “%s” is missing or unknown"), "category");
  if (!bt_severity_from_string (lookup (metas, "severity"), &item.severity))
    return fail (self, group, error, _("the meta “%s” is missing or unknown"), "severity");
  if (!collect_decided (self, group, loaded, &item, error))
    return FALSE;
  g_array_index (loaded->items, Item, loaded->items->len - 1).comment = g_strdup (lookup (metas, "comment"));
  return TRUE;
}

static xmlNode *
paragraph_note (xmlNode *unit)
{
  xmlNode *notes = first_child (unit, BT_XLIFF_NS, "notes");

  for (xmlNode *note = notes != NULL ? notes->children : NULL; note != NULL; note = note->next)
    if (is_element (note, BT_XLIFF_NS, "note")
        && g_strcmp0 (peek_attribute (note, "category"), "bitext:paragraph") == 0)
      return note;
  return NULL;
}

static gboolean
collect_unit_metadata (Reader   *self,
                       xmlNode  *metadata,
                       Loaded   *loaded,
                       const char *text,
                       GError  **error)
{
  guint paragraph = bt_document_get_n_paragraphs (loaded->source);
  gboolean found = FALSE;

  for (xmlNode *child = metadata->children; child != NULL; child = child->next)
    if (!found && has_category (child, "bitext:paragraph"))
      {
        g_auto(Metas) metas_ = read_metas (child);
        BtStatus status;

        if (!bt_status_from_string (lookup (&metas_, "status"), &status))
          return fail (self, child, error, _("the meta “%s” is missing or unknown"), "status");
        g_array_append_val (loaded->statuses, status);
        if (!append_paragraph (self, child, loaded->source, text, &metas_,
                               metas_get (&metas_, "sentences"), error))
          return FALSE;
        found = TRUE;
      }
    else if (found && has_category (child, "bitext:omission")
             && !collect_omission (self, child, loaded, paragraph, error))
      return FALSE;
  return found;
}

static gboolean
collect_unit (Reader   *self,
              xmlNode  *unit,
              Loaded   *loaded,
              GError  **error)
{
  xmlNode *metadata = first_child (unit, BT_XLIFF_MDA_NS, "metadata");
  xmlNode *note = paragraph_note (unit);
  g_autofree char *text = source_text (unit);
  const char *id = peek_attribute (unit, "id");
  guint index = bt_document_get_n_paragraphs (loaded->source);

  if (id == NULL || g_hash_table_contains (self->units, id))
    return fail (self, unit, error, _("the unit id is missing or used twice"));
  if (metadata == NULL || text == NULL || !collect_unit_metadata (self, metadata, loaded, text, error))
    {
      if (error == NULL || *error == NULL)
        fail (self, unit, error, _("the unit lacks its Bitext metadata or its source"));
      return FALSE;
    }
  g_hash_table_insert (self->units, g_strdup (id), GUINT_TO_POINTER (index + 1));
  g_ptr_array_add (loaded->notes, note != NULL ? get_text (note) : NULL);
  return TRUE;
}

static gboolean G_GNUC_PRINTF (4, 5)
fail_at (Reader      *self,
         long         line,
         GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BT_ERROR, BT_ERROR_FORMAT, _("%s, line %ld: %s"), self->name, line, message);
  return FALSE;
}

static gboolean
apply_link (Reader   *self,
            Item     *item,
            GError  **error)
{
  gpointer index = NULL;

  if (item->ref == NULL || !g_str_has_prefix (item->ref, "#/f=f1/u=")
      || !g_hash_table_lookup_extended (self->units, item->ref + strlen ("#/f=f1/u="), NULL, &index))
    return fail_at (self, item->line, error, _("the link points to no unit: “%s”"),
                    item->ref != NULL ? item->ref : "");
  item->paragraph = GPOINTER_TO_UINT (index) - 1;
  if (!bt_review_add_link (self->review, item->paragraph, item->sentence, item->decided.origin,
                           item->decided.confidence, item->decided.state))
    return fail_at (self, item->line, error, _("the link is given twice"));
  _bt_review_restore_link_decision (self->review, item->paragraph, item->sentence,
                                    item->decided.by, item->decided.at);
  return TRUE;
}

static gboolean
apply_item (Reader   *self,
            Item     *item,
            GError  **error)
{
  const Decided *d = &item->decided;
  guint id;

  switch (item->kind)
    {
    case ITEM_LINK:
      return apply_link (self, item, error);
    case ITEM_ADDITION:
      if (!bt_review_add_addition (self->review, item->sentence, d->origin, d->confidence, d->state))
        return fail_at (self, item->line, error, _("the addition is given twice"));
      _bt_review_restore_addition_decision (self->review, item->sentence, d->by, d->at);
      return TRUE;
    case ITEM_OMISSION:
    default:
      id = bt_review_add_omission (self->review, item->paragraph, item->start, item->end,
                                   item->category, item->severity, item->comment,
                                   d->origin, d->confidence, d->state);
      if (id == 0)
        return fail_at (self, item->line, error, _("the omission [%u, %u) does not fit its paragraph"),
                        item->start, item->end);
      _bt_review_restore_omission_decision (self->review, id, d->by, d->at);
      return TRUE;
    }
}

static BtReview *
build_review (Reader   *self,
              Loaded   *loaded,
              GError  **error)
{
  g_autoptr(BtReview) review = bt_review_new (loaded->source, loaded->target);

  self->review = review;
  if (loaded->reviewer != NULL)
    bt_review_set_reviewer (review, loaded->reviewer);
  bt_review_set_threshold (review, loaded->threshold);
  for (guint i = 0; i < loaded->statuses->len; i++)
    {
      const char *note = g_ptr_array_index (loaded->notes, i);

      bt_review_set_status (review, i, g_array_index (loaded->statuses, BtStatus, i));
      if (note != NULL)
        bt_review_set_note (review, i, note);
    }
  for (guint i = 0; i < loaded->items->len; i++)
    if (!apply_item (self, &g_array_index (loaded->items, Item, i), error))
      return NULL;
  return g_steal_pointer (&review);
}

/* Whether @group, the first group of the file's metadata, is Bitext's. */
static gboolean
is_review_group (xmlNode *group)
{
  return has_category (group, "bitext:review");
}

static gboolean
collect_file_metadata (Reader   *self,
                       xmlNode  *group,
                       Loaded   *loaded,
                       GError  **error)
{
  if (has_category (group, "bitext:review"))
    return collect_review_group (self, group, loaded, error);
  if (has_category (group, "bitext:target-paragraph"))
    return collect_target_paragraph (self, group, loaded, error);
  return TRUE;
}

/* From a whole tree, when the file could not be streamed. */
static BtReview *
read_bitext_tree (Reader   *self,
                  xmlNode  *file,
                  xmlNode  *metadata,
                  GError  **error)
{
  Loaded loaded = { 0 };
  BtReview *review = NULL;

  loaded_init (&loaded);
  for (xmlNode *child = metadata->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && !collect_file_metadata (self, child, &loaded, error))
      goto out;
  for (xmlNode *child = file->children; child != NULL; child = child->next)
    if (is_element (child, BT_XLIFF_NS, "unit") && !collect_unit (self, child, &loaded, error))
      goto out;
  if (bt_document_get_n_paragraphs (loaded.source) == 0)
    fail (self, file, error, _("the file holds no unit"));
  else
    review = build_review (self, &loaded, error);
out:
  loaded_clear (&loaded);
  return review;
}

static xmlNode *
find_review_group (xmlNode  *file,
                   xmlNode **metadata)
{
  *metadata = first_child (file, BT_XLIFF_MDA_NS, "metadata");
  for (xmlNode *child = *metadata != NULL ? (*metadata)->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return is_review_group (child) ? child : NULL;
  return NULL;
}

/* Streaming: a Bitext file is read one top-level subtree at a time, so the
 * whole tree never exists. Anything unusual (a DOCTYPE, a parse error,
 * XLIFF from another tool) falls back to the tree, which says precisely
 * what is wrong or reads the foreign file. */

typedef enum
{
  STREAM_DONE,
  STREAM_FALLBACK,
} StreamResult;

static void
ignore_error_cb (void        *data,
                 xmlErrorPtr  error)
{
}

static gboolean
check_subtree (Reader   *self,
               xmlNode  *node,
               int       depth,
               GError  **error)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    if (a->children != NULL && a->children->content != NULL
        && strlen ((const char *) a->children->content) > BT_XLIFF_MAX_ATTRIBUTE)
      return fail (self, node, error, _("the attribute “%s” is longer than %d bytes"),
                   (const char *) a->name, BT_XLIFF_MAX_ATTRIBUTE);
  return check_limits (self, node->children, depth + 1, error);
}

typedef struct
{
  Reader           *self;
  xmlTextReaderPtr  reader;
  Loaded            loaded;
  gboolean          seen_file;
  gboolean          seen_review;
} Stream;

/* Reads the subtree the reader is on; FALSE with @error set when it is
 * wrong, FALSE without when the stream must give up. */
static gboolean
stream_subtree (Stream   *stream,
                int       depth,
                GError  **error)
{
  xmlNode *node = xmlTextReaderExpand (stream->reader);

  if (node == NULL || !check_subtree (stream->self, node, depth, error))
    return FALSE;
  if (depth == 2)
    return collect_unit (stream->self, node, &stream->loaded, error);
  if (!stream->seen_review)
    {
      if (!is_review_group (node))
        return FALSE;
      stream->seen_review = TRUE;
    }
  return collect_file_metadata (stream->self, node, &stream->loaded, error);
}

/* Whether the stream can go on past the element it is on. */
static gboolean
stream_accepts (Stream  *stream,
                xmlNode *node,
                int      depth)
{
  switch (depth)
    {
    case 0:
      return is_element (node, BT_XLIFF_NS, "xliff")
             && g_str_has_prefix (peek_attribute (node, "version") ? peek_attribute (node, "version") : "", "2.");
    case 1:
      if (stream->seen_file || !is_element (node, BT_XLIFF_NS, "file"))
        return FALSE;
      stream->seen_file = TRUE;
      return TRUE;
    case 2:
      return is_element (node, BT_XLIFF_MDA_NS, "metadata")
             || (stream->seen_review && is_element (node, BT_XLIFF_NS, "unit"));
    default:
      return is_element (node, BT_XLIFF_MDA_NS, "metaGroup");
    }
}

static StreamResult
stream_elements (Stream   *stream,
                 GError  **error)
{
  int ret = xmlTextReaderRead (stream->reader);

  while (ret == 1)
    {
      int type = xmlTextReaderNodeType (stream->reader);
      int depth = xmlTextReaderDepth (stream->reader);
      xmlNode *node = xmlTextReaderCurrentNode (stream->reader);

      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        return STREAM_FALLBACK;
      if (type != XML_READER_TYPE_ELEMENT)
        {
          ret = xmlTextReaderRead (stream->reader);
          continue;
        }
      if (!stream_accepts (stream, node, depth))
        return STREAM_FALLBACK;
      if (depth < 2 && !check_subtree (stream->self, node, depth, error))
        return STREAM_DONE;
      if (depth < 2 || (depth == 2 && is_element (node, BT_XLIFF_MDA_NS, "metadata")))
        {
          ret = xmlTextReaderRead (stream->reader);
          continue;
        }
      if (!stream_subtree (stream, depth, error))
        return error != NULL && *error != NULL ? STREAM_DONE : STREAM_FALLBACK;
      ret = xmlTextReaderNext (stream->reader);
    }
  return ret == 0 && stream->seen_review ? STREAM_DONE : STREAM_FALLBACK;
}

static StreamResult
read_stream (Reader      *self,
             const char  *data,
             gsize        size,
             BtReview   **review,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  Stream stream = { self };
  StreamResult result;

  stream.reader = xmlReaderForMemory (data, (int) size, NULL, NULL, PARSE_OPTIONS);
  if (stream.reader == NULL)
    return STREAM_FALLBACK;
  xmlTextReaderSetStructuredErrorHandler (stream.reader, ignore_error_cb, NULL);
  loaded_init (&stream.loaded);
  result = stream_elements (&stream, &local_error);
  if (result == STREAM_DONE && local_error == NULL)
    {
      if (bt_document_get_n_paragraphs (stream.loaded.source) == 0)
        fail_at (self, xmlTextReaderGetParserLineNumber (stream.reader), &local_error,
                 _("the file holds no unit"));
      else
        *review = build_review (self, &stream.loaded, &local_error);
    }
  loaded_clear (&stream.loaded);
  xmlFreeTextReader (stream.reader);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return result;
}

/* XLIFF from other tools */

static gboolean
is_code (xmlNode *node)
{
  static const char *const codes[] = {
    "ph", "sc", "ec", "sm", "em", "cp",            /* 2.x */
    "x", "bx", "ex", "bpt", "ept", "it", NULL,      /* 1.2; <ph> too */
  };

  return g_strv_contains (codes, (const char *) node->name);
}

static void
append_plain_text (Reader  *self,
                   xmlNode *node,
                   GString *text)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (text, (const char *) child->content);
      else if (child->type != XML_ELEMENT_NODE)
        continue;
      else if (is_code (child))
        warn (self, _("Inline codes (placeholders, tags) were dropped."));
      else
        append_plain_text (self, child, text);
    }
}

/* A paragraph is one line: line breaks and tabs become spaces. */
static char *
flatten (Reader  *self,
         GString *text)
{
  gboolean changed = FALSE;

  for (gsize i = 0; i < text->len; i++)
    if (text->str[i] == '\n' || text->str[i] == '\r' || text->str[i] == '\t')
      {
        text->str[i] = ' ';
        changed = TRUE;
      }
  if (changed)
    {
      gsize kept = 0;

      for (gsize i = 0; i < text->len; i++)
        if (text->str[i] != ' ' || kept == 0 || text->str[kept - 1] != ' ')
          text->str[kept++] = text->str[i];
      g_string_truncate (text, kept);
      warn (self, _("Line breaks inside units became spaces."));
    }
  return g_strstrip (g_strdup (text->str));
}

typedef struct
{
  BtDocument *source;
  BtDocument *target;
  GArray     *links;   /* guint pairs: paragraph, first target sentence … */
} Foreign;

static void
add_foreign_unit (Reader     *self,
                  Foreign    *foreign,
                  GString    *source_text_,
                  GString    *target_text)
{
  g_autofree char *source = flatten (self, source_text_);
  g_autofree char *target = flatten (self, target_text);
  guint paragraph = bt_document_get_n_paragraphs (foreign->source);
  guint first, last;

  if (source[0] == '\0')
    {
      warn (self, _("Units with an empty source were skipped."));
      return;
    }
  bt_document_append_paragraph (foreign->source, source, 0);
  if (target[0] == '\0')
    {
      warn (self, _("Some units have no translation."));
      return;
    }
  first = bt_document_get_n_sentences (foreign->target);
  bt_document_append_paragraph (foreign->target, target, 0);
  last = bt_document_get_n_sentences (foreign->target);
  for (guint s = first; s < last; s++)
    {
      guint pair[2] = { paragraph, s };

      g_array_append_vals (foreign->links, pair, 2);
    }
}

static void
read_foreign_units (Reader     *self,
                    xmlNode    *parent,
                    const char *ns,
                    gboolean    v2,
                    Foreign    *foreign)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (is_element (child, ns, v2 ? "unit" : "trans-unit"))
        {
          g_autoptr(GString) source = g_string_new (NULL);
          g_autoptr(GString) target = g_string_new (NULL);

          for (xmlNode *part = child->children; part != NULL; part = part->next)
            if (v2 && (is_element (part, ns, "segment") || is_element (part, ns, "ignorable")))
              {
                xmlNode *s = first_child (part, ns, "source");
                xmlNode *t = first_child (part, ns, "target");

                if (s != NULL)
                  append_plain_text (self, s, source);
                if (t != NULL)
                  append_plain_text (self, t, target);
              }
            else if (!v2 && (is_element (part, ns, "source") || is_element (part, ns, "target")))
              append_plain_text (self, part, g_str_equal ((const char *) part->name, "source") ? source : target);
            else if (is_element (part, ns, "notes") || is_element (part, ns, "note"))
              warn (self, _("Notes were dropped."));
            else if (part->type == XML_ELEMENT_NODE
                     && (part->ns == NULL || !g_str_equal ((const char *) part->ns->href, ns)))
              warn (self, _("Metadata of other tools was dropped."));
          add_foreign_unit (self, foreign, source, target);
        }
      else if (is_element (child, ns, "group") || is_element (child, ns, "body"))
        read_foreign_units (self, child, ns, v2, foreign);
      else if (is_element (child, ns, "notes") || is_element (child, ns, "note"))
        warn (self, _("Notes were dropped."));
      else if (is_element (child, ns, "bin-unit"))
        warn (self, _("Binary units were dropped."));
    }
}

static void
check_language (Reader     *self,
                const char *language,
                const char *expected,
                const char *message)
{
  if (language != NULL && g_ascii_strncasecmp (language, expected, 2) != 0)
    warn (self, message);
}

static BtReview *
read_foreign (Reader   *self,
              xmlNode  *root,
              gboolean  v2,
              GError  **error)
{
  const char *ns = (const char *) root->ns->href;
  g_autoptr(BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr(BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (guint));
  Foreign foreign = { source, target, links };
  BtReview *review;
  guint n_files = 0;

  warn (self, _("The file was not written by Bitext: it opens as source paragraphs and "
                "target sentences, linked unit by unit as suggestions."));

  for (xmlNode *file = root->children; file != NULL; file = file->next)
    {
      g_autofree char *src = NULL;
      g_autofree char *trg = NULL;

      if (!is_element (file, ns, "file"))
        continue;
      n_files++;
      src = get_attribute (v2 ? root : file, v2 ? "srcLang" : "source-language");
      trg = get_attribute (v2 ? root : file, v2 ? "trgLang" : "target-language");
      check_language (self, src, "zh", _("The source language is not Chinese."));
      check_language (self, trg, "en", _("The target language is not English."));
      read_foreign_units (self, file, ns, v2, &foreign);
    }
  if (n_files > 1)
    warn (self, _("Several files were joined into one review."));
  if (bt_document_get_n_paragraphs (source) == 0)
    {
      fail (self, root, error, _("the XLIFF file holds no unit with source text"));
      return NULL;
    }
  review = bt_review_new (source, target);
  for (guint i = 0; i + 1 < links->len; i += 2)
    bt_review_add_link (review, g_array_index (links, guint, i), g_array_index (links, guint, i + 1),
                        BT_ORIGIN_AUTO, 1.0, BT_STATE_SUGGESTED);
  return review;
}

static BtReview *
read_root (Reader   *self,
           xmlNode  *root,
           GError  **error)
{
  g_autofree char *version = NULL;
  xmlNode *file;
  xmlNode *metadata = NULL;
  xmlNode *review_group;

  if (root == NULL || root->ns == NULL || !g_str_equal ((const char *) root->name, "xliff"))
    return fail (self, root, error, _("this is not an XLIFF file")), NULL;
  if (g_str_equal ((const char *) root->ns->href, XLIFF12_NS))
    return read_foreign (self, root, FALSE, error);
  if (!g_str_equal ((const char *) root->ns->href, BT_XLIFF_NS))
    return fail (self, root, error, _("unknown XLIFF namespace “%s”"), (const char *) root->ns->href), NULL;
  version = get_attribute (root, "version");
  if (version == NULL || !g_str_has_prefix (version, "2."))
    return fail (self, root, error, _("unsupported XLIFF version “%s”"), version ? version : ""), NULL;

  file = first_child (root, BT_XLIFF_NS, "file");
  review_group = file != NULL ? find_review_group (file, &metadata) : NULL;
  if (review_group == NULL)
    return read_foreign (self, root, TRUE, error);
  return read_bitext_tree (self, file, metadata, error);
}

BtReview *
bt_xliff_read_data (const char  *data,
                    gsize        size,
                    const char  *name,
                    GPtrArray  **warnings,
                    GError     **error)
{
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  Reader self = { name, messages, warned, units, NULL };
  xmlDoc *doc;
  BtReview *review = NULL;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (size == 0)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }
  if (size > BT_XLIFF_MAX_SIZE)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_TOO_LARGE, _("%s: the file is larger than 64 MiB"), name);
      return NULL;
    }
  if (read_stream (&self, data, size, &review, error) == STREAM_FALLBACK)
    {
      g_hash_table_remove_all (units);
      doc = parse (&self, data, size, error);
      if (doc == NULL)
        return NULL;
      if (check_limits (&self, xmlDocGetRootElement (doc), 1, error))
        review = read_root (&self, xmlDocGetRootElement (doc), error);
      xmlFreeDoc (doc);
    }
  if (review == NULL)
    return NULL;
  bt_review_clear_history (review);
  bt_review_mark_saved (review);
  if (warnings != NULL)
    *warnings = g_steal_pointer (&messages);
  return review;
}

BtReview *
bt_xliff_read_file (const char  *path,
                    GPtrArray  **warnings,
                    GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize size = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_filename_display_name (path);
  if (g_stat (path, &st) == 0 && st.st_size > BT_XLIFF_MAX_SIZE)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_TOO_LARGE, _("%s: the file is larger than 64 MiB"), name);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &size, &local_error))
    {
      g_set_error (error, BT_ERROR, BT_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  return bt_xliff_read_data (data, size, name, warnings, error);
}
