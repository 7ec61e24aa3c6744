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
#include <libxml/SAX2.h>
#include <string.h>

#include "bt-error.h"
#include "bt-review-io.h"
#include "bt-review-private.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"

#define XLIFF12_NS "urn:oasis:names:tc:xliff:document:1.2"

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
  int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_XML, _("%s: out of memory"), self->name);
      return NULL;
    }
  ctxt->_private = &guard;
  ctxt->sax->entityDecl = entity_declared_cb;
  doc = xmlCtxtReadMemory (ctxt, data, (int) size, NULL, NULL, options);
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

/* Metadata groups: the direct <mda:meta> children by type */

static GHashTable *
read_metas (xmlNode *group)
{
  GHashTable *metas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (xmlNode *child = group->children; child != NULL; child = child->next)
    if (is_element (child, BT_XLIFF_MDA_NS, "meta"))
      {
        char *type = get_attribute (child, "type");

        if (type != NULL)
          g_hash_table_replace (metas, type, get_text (child));
      }
  return metas;
}

/* The meta's value, or "" when there is none. */
static const char *
lookup (GHashTable *metas,
        const char *type)
{
  const char *value = g_hash_table_lookup (metas, type);

  return value != NULL ? value : "";
}

static gboolean
has_category (xmlNode    *node,
              const char *category)
{
  g_autofree char *value = NULL;

  if (!is_element (node, BT_XLIFF_MDA_NS, "metaGroup"))
    return FALSE;
  value = get_attribute (node, "category");
  return g_strcmp0 (value, category) == 0;
}

static gboolean
read_uint_meta (Reader      *self,
                xmlNode     *node,
                GHashTable  *metas,
                const char  *type,
                guint       *value,
                GError     **error)
{
  if (!bt_io_parse_uint (g_hash_table_lookup (metas, type), value))
    return fail (self, node, error, _("the meta “%s” is missing or not a whole number"), type);
  return TRUE;
}

typedef struct
{
  BtOrigin   origin;
  double     confidence;
  BtState    state;
  const char *by;
  gint64     at;
} Decided;

static gboolean
read_decided (Reader      *self,
              xmlNode     *node,
              GHashTable  *metas,
              Decided     *decided,
              GError     **error)
{
  const char *at = g_hash_table_lookup (metas, "decided-at");

  if (!bt_origin_from_string (lookup (metas, "origin"), &decided->origin))
    return fail (self, node, error, _("the meta “%s” is missing or unknown"), "origin");
  if (!bt_io_parse_double (g_hash_table_lookup (metas, "confidence"), &decided->confidence)
      || !(decided->confidence >= 0 && decided->confidence <= 1))
    return fail (self, node, error, _("the meta “%s” is missing or out of range"), "confidence");
  if (!bt_state_from_string (lookup (metas, "state"), &decided->state))
    return fail (self, node, error, _("the meta “%s” is missing or unknown"), "state");
  decided->by = g_hash_table_lookup (metas, "decided-by");
  decided->at = 0;
  if (at != NULL && !bt_io_parse_time (at, &decided->at))
    return fail (self, node, error, _("the meta “%s” is not an ISO 8601 time"), "decided-at");
  return TRUE;
}

static gboolean
parse_spans (const char *string,
             GArray     *spans)
{
  g_auto(GStrv) numbers = g_strsplit (string != NULL ? string : "", " ", -1);
  guint n = g_strv_length (numbers);

  if (string == NULL || (n % 2 != 0 && !(n == 1 && numbers[0][0] == '\0')))
    return FALSE;
  for (guint i = 0; i + 1 < n; i += 2)
    {
      BtSpan span;

      if (!bt_io_parse_uint (numbers[i], &span.start) || !bt_io_parse_uint (numbers[i + 1], &span.end))
        return FALSE;
      g_array_append_val (spans, span);
    }
  return TRUE;
}

static gboolean
append_paragraph (Reader      *self,
                  xmlNode     *node,
                  BtDocument  *document,
                  const char  *text,
                  GHashTable  *metas,
                  const char  *spans_type,
                  GError     **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));
  g_autoptr(GError) local_error = NULL;
  guint line = 0;

  if (g_hash_table_contains (metas, "line") && !read_uint_meta (self, node, metas, "line", &line, error))
    return FALSE;
  if (!parse_spans (g_hash_table_lookup (metas, spans_type), spans))
    return fail (self, node, error, _("the meta “%s” is missing or malformed"), spans_type);
  if (!bt_document_append_segmented (document, text, line, (BtSpan *) spans->data, spans->len, &local_error))
    return fail (self, node, error, "%s", local_error->message);
  return TRUE;
}

/* Bitext review files */

typedef struct
{
  guint   sentence;
  xmlNode *group;
} PendingSentence;

static gboolean
read_target_paragraph (Reader      *self,
                       xmlNode     *group,
                       BtDocument  *target,
                       GArray      *pending,
                       GError     **error)
{
  g_autoptr(GHashTable) metas = read_metas (group);
  g_autoptr(GString) spans = g_string_new (NULL);
  g_autoptr(GHashTable) with_spans = NULL;
  const char *text = g_hash_table_lookup (metas, "text");
  guint n_sentences = 0;

  if (text == NULL)
    return fail (self, group, error, _("the meta “%s” is missing"), "text");
  for (xmlNode *child = group->children; child != NULL; child = child->next)
    if (has_category (child, "bitext:target-sentence"))
      {
        g_autoptr(GHashTable) sentence = read_metas (child);
        const char *span = g_hash_table_lookup (sentence, "span");
        PendingSentence p = { bt_document_get_n_sentences (target) + n_sentences++, child };

        if (span == NULL)
          return fail (self, child, error, _("the meta “%s” is missing"), "span");
        g_string_append_printf (spans, "%s%s", spans->len > 0 ? " " : "", span);
        g_array_append_val (pending, p);
      }
  g_hash_table_replace (metas, g_strdup ("sentences"), g_strdup (spans->str));
  return append_paragraph (self, group, target, text, metas, "sentences", error);
}

static gboolean
read_review_group (Reader      *self,
                   xmlNode     *group,
                   BtDocument  *source,
                   BtDocument  *target,
                   double      *threshold,
                   char       **reviewer,
                   GError     **error)
{
  g_autoptr(GHashTable) metas = read_metas (group);
  guint profile = 0;

  if (!read_uint_meta (self, group, metas, "profile", &profile, error))
    return FALSE;
  if (profile != 1)
    return fail (self, group, error, _("the file uses Bitext profile %u, which this version cannot read"), profile);
  if (!bt_io_parse_double (g_hash_table_lookup (metas, "threshold"), threshold))
    return fail (self, group, error, _("the meta “%s” is missing or malformed"), "threshold");
  *reviewer = g_strdup (g_hash_table_lookup (metas, "reviewer"));
  if (g_hash_table_contains (metas, "source-name"))
    bt_document_set_name (source, g_hash_table_lookup (metas, "source-name"));
  if (g_hash_table_contains (metas, "target-name"))
    bt_document_set_name (target, g_hash_table_lookup (metas, "target-name"));
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
read_omission (Reader   *self,
               xmlNode  *group,
               guint     paragraph,
               GError  **error)
{
  g_autoptr(GHashTable) metas = read_metas (group);
  guint start, end, id;
  BtCategory category;
  BtSeverity severity;
  const char *comment = g_hash_table_lookup (metas, "comment");
  Decided decided;

  if (!read_uint_meta (self, group, metas, "start", &start, error)
      || !read_uint_meta (self, group, metas, "end", &end, error)
      || !read_decided (self, group, metas, &decided, error))
    return FALSE;
  if (!bt_category_from_string (lookup (metas, "category"), &category))
    return fail (self, group, error, _("the meta “%s” is missing or unknown"), "category");
  if (!bt_severity_from_string (lookup (metas, "severity"), &severity))
    return fail (self, group, error, _("the meta “%s” is missing or unknown"), "severity");
  id = bt_review_add_omission (self->review, paragraph, start, end, category, severity,
                               comment != NULL ? comment : "", decided.origin,
                               decided.confidence, decided.state);
  if (id == 0)
    return fail (self, group, error, _("the omission [%u, %u) does not fit its paragraph"), start, end);
  _bt_review_restore_omission_decision (self->review, id, decided.by, decided.at);
  return TRUE;
}

static xmlNode *
paragraph_note (xmlNode *unit)
{
  xmlNode *notes = first_child (unit, BT_XLIFF_NS, "notes");

  for (xmlNode *note = notes != NULL ? notes->children : NULL; note != NULL; note = note->next)
    {
      g_autofree char *category = NULL;

      if (!is_element (note, BT_XLIFF_NS, "note"))
        continue;
      category = get_attribute (note, "category");
      if (g_strcmp0 (category, "bitext:paragraph") == 0)
        return note;
    }
  return NULL;
}

static gboolean
read_unit_details (Reader   *self,
                   xmlNode  *unit,
                   guint     paragraph,
                   GError  **error)
{
  xmlNode *metadata = first_child (unit, BT_XLIFF_MDA_NS, "metadata");
  xmlNode *note = paragraph_note (unit);
  BtStatus status = BT_STATUS_UNREVIEWED;

  for (xmlNode *child = metadata->children; child != NULL; child = child->next)
    if (has_category (child, "bitext:paragraph"))
      {
        g_autoptr(GHashTable) metas = read_metas (child);

        if (!bt_status_from_string (lookup (metas, "status"), &status))
          return fail (self, child, error, _("the meta “%s” is missing or unknown"), "status");
      }
    else if (has_category (child, "bitext:omission") && !read_omission (self, child, paragraph, error))
      return FALSE;
  bt_review_set_status (self->review, paragraph, status);
  if (note != NULL)
    {
      g_autofree char *text = get_text (note);

      bt_review_set_note (self->review, paragraph, text);
    }
  return TRUE;
}

static gboolean
read_source_unit (Reader      *self,
                  xmlNode     *unit,
                  BtDocument  *source,
                  GError     **error)
{
  xmlNode *metadata = first_child (unit, BT_XLIFF_MDA_NS, "metadata");
  g_autofree char *id = get_attribute (unit, "id");
  g_autofree char *text = source_text (unit);
  guint index = bt_document_get_n_paragraphs (source);

  if (metadata == NULL || text == NULL)
    return fail (self, unit, error, _("the unit lacks its Bitext metadata or its source"));
  for (xmlNode *child = metadata->children; child != NULL; child = child->next)
    if (has_category (child, "bitext:paragraph"))
      {
        g_autoptr(GHashTable) metas = read_metas (child);

        if (g_hash_table_contains (self->units, id))
          return fail (self, unit, error, _("the unit id “%s” is used twice"), id);
        g_hash_table_insert (self->units, g_steal_pointer (&id), GUINT_TO_POINTER (index + 1));
        return append_paragraph (self, child, source, text, metas, "sentences", error);
      }
  return fail (self, unit, error, _("the unit lacks its Bitext metadata or its source"));
}

static gboolean
read_link (Reader   *self,
           xmlNode  *group,
           guint     sentence,
           GError  **error)
{
  g_autoptr(GHashTable) metas = read_metas (group);
  const char *ref = g_hash_table_lookup (metas, "source");
  gpointer index = NULL;
  Decided decided;

  if (ref == NULL || !g_str_has_prefix (ref, "#/f=f1/u=")
      || !g_hash_table_lookup_extended (self->units, ref + strlen ("#/f=f1/u="), NULL, &index))
    return fail (self, group, error, _("the link points to no unit: “%s”"), ref != NULL ? ref : "");
  if (!read_decided (self, group, metas, &decided, error))
    return FALSE;
  if (!bt_review_add_link (self->review, GPOINTER_TO_UINT (index) - 1, sentence,
                           decided.origin, decided.confidence, decided.state))
    return fail (self, group, error, _("the link is given twice"));
  _bt_review_restore_link_decision (self->review, GPOINTER_TO_UINT (index) - 1, sentence,
                                    decided.by, decided.at);
  return TRUE;
}

static gboolean
read_sentence_details (Reader          *self,
                       PendingSentence *pending,
                       GError         **error)
{
  for (xmlNode *child = pending->group->children; child != NULL; child = child->next)
    if (has_category (child, "bitext:link"))
      {
        if (!read_link (self, child, pending->sentence, error))
          return FALSE;
      }
    else if (has_category (child, "bitext:addition"))
      {
        g_autoptr(GHashTable) metas = read_metas (child);
        Decided decided;

        if (!read_decided (self, child, metas, &decided, error))
          return FALSE;
        if (!bt_review_add_addition (self->review, pending->sentence, decided.origin,
                                     decided.confidence, decided.state))
          return fail (self, child, error, _("the addition is given twice"));
        _bt_review_restore_addition_decision (self->review, pending->sentence,
                                              decided.by, decided.at);
      }
  return TRUE;
}

static gboolean
read_documents (Reader      *self,
                xmlNode     *file,
                xmlNode     *metadata,
                BtDocument  *source,
                BtDocument  *target,
                GArray      *pending,
                GError     **error)
{
  for (xmlNode *child = metadata->children; child != NULL; child = child->next)
    if (has_category (child, "bitext:target-paragraph")
        && !read_target_paragraph (self, child, target, pending, error))
      return FALSE;
  for (xmlNode *child = file->children; child != NULL; child = child->next)
    if (is_element (child, BT_XLIFF_NS, "unit") && !read_source_unit (self, child, source, error))
      return FALSE;
  if (bt_document_get_n_paragraphs (source) == 0)
    return fail (self, file, error, _("the file holds no unit"));
  return TRUE;
}

static gboolean
read_details (Reader   *self,
              xmlNode  *file,
              GArray   *pending,
              GError  **error)
{
  guint paragraph = 0;

  for (guint i = 0; i < pending->len; i++)
    if (!read_sentence_details (self, &g_array_index (pending, PendingSentence, i), error))
      return FALSE;
  for (xmlNode *child = file->children; child != NULL; child = child->next)
    if (is_element (child, BT_XLIFF_NS, "unit") && !read_unit_details (self, child, paragraph++, error))
      return FALSE;
  return TRUE;
}

static xmlNode *
find_review_group (xmlNode  *file,
                   xmlNode **metadata)
{
  *metadata = first_child (file, BT_XLIFF_MDA_NS, "metadata");
  for (xmlNode *child = *metadata != NULL ? (*metadata)->children : NULL; child != NULL; child = child->next)
    if (has_category (child, "bitext:review"))
      return child;
  return NULL;
}

static BtReview *
read_bitext (Reader   *self,
             xmlNode  *file,
             xmlNode  *metadata,
             xmlNode  *review_group,
             GError  **error)
{
  g_autoptr(BtDocument) source = bt_document_new (BT_LANGUAGE_ZH);
  g_autoptr(BtDocument) target = bt_document_new (BT_LANGUAGE_EN);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingSentence));
  g_autoptr(BtReview) review = NULL;
  g_autofree char *reviewer = NULL;
  double threshold = 0;

  if (!read_review_group (self, review_group, source, target, &threshold, &reviewer, error)
      || !read_documents (self, file, metadata, source, target, pending, error))
    return NULL;
  review = bt_review_new (source, target);
  self->review = review;
  if (reviewer != NULL)
    bt_review_set_reviewer (review, reviewer);
  bt_review_set_threshold (review, threshold);
  if (!read_details (self, file, pending, error))
    return NULL;
  return g_steal_pointer (&review);
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
  return read_bitext (self, file, metadata, review_group, error);
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
  doc = parse (&self, data, size, error);
  if (doc == NULL)
    return NULL;
  if (check_limits (&self, xmlDocGetRootElement (doc), 1, error))
    review = read_root (&self, xmlDocGetRootElement (doc), error);
  xmlFreeDoc (doc);
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
