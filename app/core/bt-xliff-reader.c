/* bt-xliff-reader.c: opens review files and other tools' XLIFF
 *
 * Reviews are read by SAX2 into records; everything else goes through a
 * tree. Both parsers never touch the network, load no DTD, expand no
 * entity and hand files that declare entities to the tree reader, which
 * refuses them, so XXE and billion-laughs files fail before they cost
 * anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "bt-error.h"
#include "bt-progress.h"
#include "bt-review-io.h"
#include "bt-review-private.h"
#include "bt-xliff-reader.h"
#include "bt-xliff-writer.h"

#define XLIFF12_NS "urn:oasis:names:tc:xliff:document:1.2"
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING \
                       | XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

typedef struct
{
  const char       *name;
  GPtrArray        *warnings;
  GHashTable       *warned;     /* message => TRUE: say each thing once */
  GHashTable       *units;      /* unit id => paragraph index + 1 */
  BtReview         *review;
  /* for reviews read by SAX: where building reports, and cancelling */
  const BtProgress *build_progress;
  GCancellable     *cancellable;
} Reader;

/* Reading the file takes most of the time; building the review from
 * what was read, the rest. */
#define READ_SHARE 0.85
/* Records applied between reports and checks for cancellation. */
#define ITEM_STRIDE 4096

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

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

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

/* Bitext reviews are read with SAX2 straight into records, without a
 * tree, and the review is built from them in one go. A file that is not
 * a review, is not well-formed or declares entities goes to the tree
 * reader instead, which reads other tools' XLIFF and says precisely what
 * is wrong. */

typedef struct
{
  BtOrigin    origin;
  double      confidence;
  BtState     state;
  const char *by;
  gint64      at;
} Decided;

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
  const char *ref;       /* links: the unit's fragment identifier */
  const char *comment;
  Decided     decided;
} Item;

typedef struct
{
  BtDocument *source;
  BtDocument *target;
  GArray     *items;      /* Item */
  GStringChunk *strings;  /* the items' strings */
  GArray     *statuses;   /* BtStatus per source paragraph */
  GPtrArray  *notes;      /* per source paragraph, NULL for none */
  double      threshold;
  char       *reviewer;
} Loaded;

/* A review file holds about one item per 500 bytes. */
static void
loaded_init (Loaded *loaded,
             gsize   size)
{
  loaded->source = bt_document_new (BT_LANGUAGE_ZH);
  loaded->target = bt_document_new (BT_LANGUAGE_EN);
  loaded->items = g_array_sized_new (FALSE, TRUE, sizeof (Item), (guint) MIN (size / 500, 1 << 20));
  loaded->strings = g_string_chunk_new (64 * 1024);
  loaded->statuses = g_array_new (FALSE, FALSE, sizeof (BtStatus));
  loaded->notes = g_ptr_array_new_with_free_func (g_free);
}

static void
loaded_clear (Loaded *loaded)
{
  g_clear_object (&loaded->source);
  g_clear_object (&loaded->target);
  g_clear_pointer (&loaded->items, g_array_unref);
  g_clear_pointer (&loaded->strings, g_string_chunk_free);
  g_clear_pointer (&loaded->statuses, g_array_unref);
  g_clear_pointer (&loaded->notes, g_ptr_array_unref);
  g_clear_pointer (&loaded->reviewer, g_free);
}

/* Links are most of a review: they are put in place directly, as no
 * history is kept while reading. */
static gboolean
apply_link (Reader   *self,
            Item     *item,
            GError  **error)
{
  const Decided *d = &item->decided;
  gpointer index = NULL;
  BtLink link;

  if (item->ref == NULL || !g_str_has_prefix (item->ref, "#/f=f1/u=")
      || !g_hash_table_lookup_extended (self->units, item->ref + strlen ("#/f=f1/u="), NULL, &index))
    return fail_at (self, item->line, error, _("the link points to no unit: “%s”"),
                    item->ref != NULL ? item->ref : "");
  item->paragraph = GPOINTER_TO_UINT (index) - 1;
  if (item->sentence >= bt_document_get_n_sentences (bt_review_get_target (self->review))
      || bt_review_find_link (self->review, item->paragraph, item->sentence) != NULL)
    return fail_at (self, item->line, error, _("the link is given twice"));
  link = (BtLink) { item->paragraph, item->sentence, d->origin, d->confidence, d->state,
                    { d->by != NULL && d->by[0] != '\0' ? (char *) d->by : NULL, d->at } };
  _bt_review_put_link (self->review, item->paragraph, item->sentence, &link);
  return TRUE;
}

static gboolean
apply_omission (Reader   *self,
                Item     *item,
                GError  **error)
{
  const Decided *d = &item->decided;
  BtDocument *source = bt_review_get_source (self->review);
  BtOmission omission;

  if (item->paragraph >= bt_document_get_n_paragraphs (source) || item->start >= item->end ||
      item->end > bt_document_get_paragraph (source, item->paragraph)->n_chars)
    return fail_at (self, item->line, error, _("the omission [%u, %u) does not fit its paragraph"),
                    item->start, item->end);
  omission = (BtOmission) { _bt_review_take_omission_id (self->review), item->paragraph, item->start,
                            item->end, item->category, item->severity, (char *) item->comment,
                            d->origin, d->confidence, d->state,
                            { d->by != NULL && d->by[0] != '\0' ? (char *) d->by : NULL, d->at } };
  _bt_review_put_omission (self->review, omission.id, &omission);
  return TRUE;
}

static gboolean
apply_item (Reader   *self,
            Item     *item,
            GError  **error)
{
  const Decided *d = &item->decided;

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
      return apply_omission (self, item, error);
    }
}

static BtReview *
build_review (Reader   *self,
              Loaded   *loaded,
              GError  **error)
{
  const BtProgress *progress = self->build_progress;
  g_autoptr(BtReview) review = bt_review_new (loaded->source, loaded->target);
  guint n_items = loaded->items->len;

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
  for (guint i = 0; i < n_items; i++)
    if ((i % ITEM_STRIDE == 0 &&
         !bt_progress_advance (progress, (double) i / n_items, self->cancellable, error)) ||
        !apply_item (self, &g_array_index (loaded->items, Item, i), error))
      return NULL;
  bt_progress_report (progress, 1);
  return g_steal_pointer (&review);
}

/* The metas of one group by type, types and values copied one after the
 * other into @arena; a repeated type replaces the earlier value. */

#define MAX_METAS 16

typedef struct
{
  GString *arena;
  guint    n;
  gsize    type[MAX_METAS];
  gsize    value[MAX_METAS];
  long     line;        /* where the group starts */
} Metas;

static void
metas_reset (Metas *metas,
             long   line)
{
  g_string_truncate (metas->arena, 0);
  metas->n = 0;
  metas->line = line;
}

static const char *
metas_get (const Metas *metas,
           const char  *type)
{
  for (guint i = 0; i < metas->n; i++)
    if (strcmp (metas->arena->str + metas->type[i], type) == 0)
      return metas->arena->str + metas->value[i];
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

static void
metas_add (Metas      *metas,
           const char *type,
           GString    *value)
{
  guint i;

  for (i = 0; i < metas->n && strcmp (metas->arena->str + metas->type[i], type) != 0; i++)
    ;
  if (i == MAX_METAS)
    return;
  if (i == metas->n)
    {
      metas->n++;
      metas->type[i] = metas->arena->len;
      g_string_append_len (metas->arena, type, (gssize) strlen (type) + 1);
    }
  metas->value[i] = metas->arena->len;
  g_string_append_len (metas->arena, value->str, (gssize) value->len + 1);
}

static gboolean
read_uint_meta (Reader      *self,
                const Metas *metas,
                const char  *type,
                guint       *value,
                GError     **error)
{
  if (!bt_io_parse_uint (metas_get (metas, type), value))
    return fail_at (self, metas->line, error, _("the meta “%s” is missing or not a whole number"), type);
  return TRUE;
}

static gboolean
append_paragraph (Reader      *self,
                  BtDocument  *document,
                  const char  *text,
                  const Metas *metas,
                  const char  *spans_text,
                  GError     **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));
  g_autoptr(GError) local_error = NULL;
  guint line = 0;

  if (metas_get (metas, "line") != NULL && !read_uint_meta (self, metas, "line", &line, error))
    return FALSE;
  if (!parse_spans (spans_text, spans))
    return fail_at (self, metas->line, error, _("the meta “%s” is missing or malformed"), "sentences");
  if (!bt_document_append_segmented (document, text, line, (BtSpan *) spans->data, spans->len, &local_error))
    return fail_at (self, metas->line, error, "%s", local_error->message);
  return TRUE;
}

/* A decision's fields, NULL when left out: the origin is then "auto",
 * the state "suggested". */
typedef struct
{
  const char *origin;
  const char *confidence;
  const char *state;
  const char *at;
  const char *by;
} Fields;

static Fields
metas_fields (const Metas *metas)
{
  return (Fields) {
    metas_get (metas, "origin"), metas_get (metas, "confidence"), metas_get (metas, "state"),
    metas_get (metas, "decided-at"), metas_get (metas, "decided-by"),
  };
}

static gboolean
set_field (Fields     *fields,
           const char *key,
           const char *value)
{
  if (strcmp (key, "origin") == 0)
    fields->origin = value;
  else if (strcmp (key, "confidence") == 0)
    fields->confidence = value;
  else if (strcmp (key, "state") == 0)
    fields->state = value;
  else if (strcmp (key, "decided-at") == 0)
    fields->at = value;
  else
    return FALSE;
  return TRUE;
}

/* "ref confidence=0.9 state=accepted decided-by=Ana": the fragment
 * identifier when @ref is not NULL, then fields; decided-by comes last
 * and takes the rest, spaces included. Cuts @value into pieces. */
static gboolean
parse_fields (char        *value,
              const char **ref,
              Fields      *fields)
{
  char *p = value;

  if (ref != NULL)
    {
      *ref = p;
      p = strchr (p, ' ');
      if (p == NULL)
        return TRUE;
      *p++ = '\0';
    }
  while (*p != '\0')
    {
      char *key = p;
      char *equals = strchr (p, '=');
      char *end;

      if (equals == NULL)
        return FALSE;
      *equals = '\0';
      p = equals + 1;
      if (strcmp (key, "decided-by") == 0)
        {
          fields->by = p;
          return TRUE;
        }
      end = strchr (p, ' ');
      if (end != NULL)
        *end = '\0';
      if (!set_field (fields, key, p))
        return FALSE;
      if (end == NULL)
        break;
      p = end + 1;
    }
  return TRUE;
}

/* Where the reader is: one entry per open element it reads; the others
 * are skipped whole. */
typedef enum
{
  IN_XLIFF,
  IN_FILE,
  IN_FILE_METADATA,
  IN_GROUP,
  IN_META,
  IN_UNIT,
  IN_UNIT_METADATA,
  IN_NOTES,
  IN_NOTE,
  IN_SEGMENT,
  IN_SOURCE,
} Place;

typedef enum
{
  GROUP_REVIEW,
  GROUP_TARGET_PARAGRAPH,
  GROUP_TARGET_SENTENCE,
  GROUP_LINK,
  GROUP_ADDITION,
  GROUP_PARAGRAPH,
  GROUP_OMISSION,
  GROUP_OTHER,
} GroupKind;

#define MAX_PLACES 8
#define MAX_GROUPS 4
#define MAX_TYPE 32

typedef struct
{
  Reader           *self;
  xmlParserCtxtPtr  ctxt;
  Loaded            loaded;
  GError           *error;
  gboolean          fallback;        /* not a review: the tree reader takes over */
  gboolean          seen_file;
  gboolean          seen_file_metadata;
  gboolean          seen_group;
  gboolean          seen_review;

  /* names from the parser's dictionary, compared by address */
  const xmlChar    *ns_core;
  const xmlChar    *ns_mda;
  const xmlChar    *n_xliff;
  const xmlChar    *n_file;
  const xmlChar    *n_unit;
  const xmlChar    *n_metadata;
  const xmlChar    *n_meta_group;
  const xmlChar    *n_meta;
  const xmlChar    *n_notes;
  const xmlChar    *n_note;
  const xmlChar    *n_segment;
  const xmlChar    *n_source;

  int               xml_depth;       /* all open elements */
  int               skip;            /* open elements of a skipped subtree */
  Place             places[MAX_PLACES];
  int               n_places;
  GroupKind         kinds[MAX_GROUPS];
  Metas             groups[MAX_GROUPS];
  int               n_groups;
  GString          *text;            /* where characters go, or NULL */
  GString          *value;           /* the meta being read */
  char              type[MAX_TYPE];  /* its type, "" for one not read */

  /* the target paragraph */
  GString          *spans;
  guint             sentence;        /* index of the target sentence */

  /* the unit */
  char             *unit_id;
  long              unit_line;
  Metas             paragraph;
  gboolean          has_paragraph;
  gboolean          has_metadata;
  gboolean          has_notes;
  gboolean          has_note;
  gboolean          has_segment;
  gboolean          has_source;
  GString          *source;
  GString          *note;

  /* the last decision time read: most decisions share a few */
  char             *at_text;
  gint64            at;
} Sax;

static long
sax_line (Sax *sax)
{
  return xmlSAX2GetLineNumber (sax->ctxt);
}

static void
sax_stop (Sax *sax)
{
  xmlStopParser (sax->ctxt);
}

static void
sax_fall_back (Sax *sax)
{
  sax->fallback = TRUE;
  sax_stop (sax);
}

static gboolean
sax_parse_time (Sax        *sax,
                const char *text,
                gint64     *at)
{
  if (sax->at_text != NULL && strcmp (sax->at_text, text) == 0)
    {
      *at = sax->at;
      return TRUE;
    }
  if (!bt_io_parse_time (text, at))
    return FALSE;
  g_free (sax->at_text);
  sax->at_text = g_strdup (text);
  sax->at = *at;
  return TRUE;
}

static gboolean
read_decided (Sax           *sax,
              long           line,
              const Fields  *fields,
              Decided       *decided,
              GError       **error)
{
  Reader *self = sax->self;

  decided->origin = BT_ORIGIN_AUTO;
  decided->state = BT_STATE_SUGGESTED;
  decided->at = 0;
  if (fields->origin != NULL && !bt_origin_from_string (fields->origin, &decided->origin))
    return fail_at (self, line, error, _("the meta “%s” is missing or unknown"), "origin");
  if (!bt_io_parse_double (fields->confidence, &decided->confidence)
      || !(decided->confidence >= 0 && decided->confidence <= 1))
    return fail_at (self, line, error, _("the meta “%s” is missing or out of range"), "confidence");
  if (fields->state != NULL && !bt_state_from_string (fields->state, &decided->state))
    return fail_at (self, line, error, _("the meta “%s” is missing or unknown"), "state");
  if (fields->at != NULL && !sax_parse_time (sax, fields->at, &decided->at))
    return fail_at (self, line, error, _("the meta “%s” is not an ISO 8601 time"), "decided-at");
  decided->by = fields->by != NULL ? g_string_chunk_insert_const (sax->loaded.strings, fields->by) : NULL;
  return TRUE;
}

static gboolean
add_item (Sax           *sax,
          Item          *item,
          const Fields  *fields)
{
  if (!read_decided (sax, item->line, fields, &item->decided, &sax->error))
    return FALSE;
  g_array_append_val (sax->loaded.items, *item);
  return TRUE;
}

/* Profile 2: a link or an addition in one meta of the target sentence. */
static gboolean
finish_decision_meta (Sax      *sax,
                      ItemKind  kind)
{
  Item item = { kind };
  Fields fields = { NULL };
  const char *ref = NULL;

  item.line = sax_line (sax);
  item.sentence = sax->sentence;
  if (!parse_fields (sax->value->str, kind == ITEM_LINK ? &ref : NULL, &fields))
    return fail_at (sax->self, item.line, &sax->error, _("the meta “%s” is missing or malformed"),
                    kind == ITEM_LINK ? "link" : "addition");
  item.ref = ref != NULL ? g_string_chunk_insert (sax->loaded.strings, ref) : NULL;
  return add_item (sax, &item, &fields);
}

static gboolean
finish_meta (Sax *sax)
{
  sax->text = NULL;
  if (sax->type[0] == '\0' || sax->n_groups == 0)
    return TRUE;
  if (sax->kinds[sax->n_groups - 1] == GROUP_TARGET_SENTENCE)
    {
      if (strcmp (sax->type, "link") == 0)
        return finish_decision_meta (sax, ITEM_LINK);
      if (strcmp (sax->type, "addition") == 0)
        return finish_decision_meta (sax, ITEM_ADDITION);
    }
  metas_add (&sax->groups[sax->n_groups - 1], sax->type, sax->value);
  return TRUE;
}

static gboolean
finish_review_group (Sax         *sax,
                     const Metas *metas)
{
  Loaded *loaded = &sax->loaded;
  guint profile = 0;

  if (!read_uint_meta (sax->self, metas, "profile", &profile, &sax->error))
    return FALSE;
  if (profile < 1 || profile > 2)
    return fail_at (sax->self, metas->line, &sax->error,
                    _("the file uses Bitext profile %u, which this version cannot read"), profile);
  if (!bt_io_parse_double (metas_get (metas, "threshold"), &loaded->threshold))
    return fail_at (sax->self, metas->line, &sax->error, _("the meta “%s” is missing or malformed"), "threshold");
  /* A file may repeat the group; the last one wins. */
  g_free (loaded->reviewer);
  loaded->reviewer = g_strdup (metas_get (metas, "reviewer"));
  if (metas_get (metas, "source-name") != NULL)
    bt_document_set_name (loaded->source, metas_get (metas, "source-name"));
  if (metas_get (metas, "target-name") != NULL)
    bt_document_set_name (loaded->target, metas_get (metas, "target-name"));
  return TRUE;
}

static gboolean
finish_target_sentence (Sax         *sax,
                        const Metas *metas)
{
  const char *span = metas_get (metas, "span");

  if (span == NULL)
    return fail_at (sax->self, metas->line, &sax->error, _("the meta “%s” is missing"), "span");
  if (sax->spans->len > 0)
    g_string_append_c (sax->spans, ' ');
  g_string_append (sax->spans, span);
  sax->sentence++;
  return TRUE;
}

static gboolean
finish_target_paragraph (Sax         *sax,
                         const Metas *metas)
{
  const char *text = metas_get (metas, "text");

  if (text == NULL)
    return fail_at (sax->self, metas->line, &sax->error, _("the meta “%s” is missing"), "text");
  return append_paragraph (sax->self, sax->loaded.target, text, metas, sax->spans->str, &sax->error);
}

/* Profile 1: a link or an addition as a group of metas. */
static gboolean
finish_decision_group (Sax         *sax,
                       const Metas *metas,
                       ItemKind     kind)
{
  Item item = { kind };
  Fields fields = metas_fields (metas);

  item.line = metas->line;
  item.sentence = sax->sentence;
  if (metas_get (metas, "source") != NULL)
    item.ref = g_string_chunk_insert (sax->loaded.strings, metas_get (metas, "source"));
  return add_item (sax, &item, &fields);
}

static gboolean
finish_omission (Sax         *sax,
                 const Metas *metas)
{
  Item item = { ITEM_OMISSION };
  Fields fields = metas_fields (metas);
  Reader *self = sax->self;

  item.line = metas->line;
  item.paragraph = bt_document_get_n_paragraphs (sax->loaded.source);
  if (!read_uint_meta (self, metas, "start", &item.start, &sax->error)
      || !read_uint_meta (self, metas, "end", &item.end, &sax->error))
    return FALSE;
  if (!bt_category_from_string (lookup (metas, "category"), &item.category))
    return fail_at (self, item.line, &sax->error, _("the meta “%s” is missing or unknown"), "category");
  if (!bt_severity_from_string (lookup (metas, "severity"), &item.severity))
    return fail_at (self, item.line, &sax->error, _("the meta “%s” is missing or unknown"), "severity");
  item.comment = g_string_chunk_insert (sax->loaded.strings, lookup (metas, "comment"));
  return add_item (sax, &item, &fields);
}

/* The paragraph's metas wait for the unit's source text. */
static gboolean
finish_paragraph (Sax *sax)
{
  Metas swap = sax->paragraph;

  sax->paragraph = sax->groups[sax->n_groups - 1];
  sax->groups[sax->n_groups - 1] = swap;
  sax->has_paragraph = TRUE;
  return TRUE;
}

static gboolean
finish_group (Sax *sax)
{
  const Metas *metas = &sax->groups[sax->n_groups - 1];

  switch (sax->kinds[sax->n_groups - 1])
    {
    case GROUP_REVIEW:
      return finish_review_group (sax, metas);
    case GROUP_TARGET_PARAGRAPH:
      return finish_target_paragraph (sax, metas);
    case GROUP_TARGET_SENTENCE:
      return finish_target_sentence (sax, metas);
    case GROUP_LINK:
      return finish_decision_group (sax, metas, ITEM_LINK);
    case GROUP_ADDITION:
      return finish_decision_group (sax, metas, ITEM_ADDITION);
    case GROUP_PARAGRAPH:
      return finish_paragraph (sax);
    case GROUP_OMISSION:
      return finish_omission (sax, metas);
    case GROUP_OTHER:
    default:
      return TRUE;
    }
}

static gboolean
finish_unit (Sax *sax)
{
  Reader *self = sax->self;
  Loaded *loaded = &sax->loaded;
  const Metas *metas = &sax->paragraph;
  guint index = bt_document_get_n_paragraphs (loaded->source);
  const char *status_text = metas_get (metas, "status");
  BtStatus status = BT_STATUS_UNREVIEWED;

  if (sax->unit_id == NULL || g_hash_table_contains (self->units, sax->unit_id))
    return fail_at (self, sax->unit_line, &sax->error, _("the unit id is missing or used twice"));
  if (!sax->has_paragraph || !sax->has_source)
    return fail_at (self, sax->unit_line, &sax->error, _("the unit lacks its Bitext metadata or its source"));
  if (status_text != NULL && !bt_status_from_string (status_text, &status))
    return fail_at (self, metas->line, &sax->error, _("the meta “%s” is missing or unknown"), "status");
  g_array_append_val (loaded->statuses, status);
  if (!append_paragraph (self, loaded->source, sax->source->str, metas, metas_get (metas, "sentences"),
                         &sax->error))
    return FALSE;
  g_hash_table_insert (self->units, g_steal_pointer (&sax->unit_id), GUINT_TO_POINTER (index + 1));
  g_ptr_array_add (loaded->notes, sax->has_note ? g_strdup (sax->note->str) : NULL);
  return TRUE;
}

/* Attributes come as five pointers each; values are not terminated. */
static gboolean
find_attribute (const xmlChar **attributes,
                int             n,
                const char     *name,
                const char    **value,
                gsize          *length)
{
  for (int i = 0; i < n; i++)
    {
      const xmlChar **a = attributes + 5 * i;

      if (a[2] == NULL && strcmp ((const char *) a[0], name) == 0)
        {
          *value = (const char *) a[3];
          *length = (gsize) (a[4] - a[3]);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
attribute_is (const xmlChar **attributes,
              int             n,
              const char     *name,
              const char     *expected)
{
  const char *value;
  gsize length;

  return find_attribute (attributes, n, name, &value, &length)
         && length == strlen (expected) && memcmp (value, expected, length) == 0;
}

static GroupKind
group_kind (const xmlChar **attributes,
            int             n)
{
  static const char *const categories[] = {
    "bitext:review", "bitext:target-paragraph", "bitext:target-sentence", "bitext:link",
    "bitext:addition", "bitext:paragraph", "bitext:omission",
  };
  const char *value;
  gsize length;

  if (!find_attribute (attributes, n, "category", &value, &length))
    return GROUP_OTHER;
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (length == strlen (categories[i]) && memcmp (value, categories[i], length) == 0)
      return (GroupKind) i;
  return GROUP_OTHER;
}

static gboolean
is (const xmlChar *uri,
    const xmlChar *name,
    const xmlChar *expected_uri,
    const xmlChar *expected_name)
{
  return name == expected_name && uri == expected_uri;
}

static void
enter (Sax   *sax,
       Place  place)
{
  g_assert (sax->n_places < MAX_PLACES);
  sax->places[sax->n_places++] = place;
}

static void
enter_group (Sax       *sax,
             GroupKind  kind)
{
  Metas *metas = &sax->groups[sax->n_groups];

  g_assert (sax->n_groups < MAX_GROUPS);
  if (metas->arena == NULL)
    metas->arena = g_string_sized_new (256);
  metas_reset (metas, sax_line (sax));
  sax->kinds[sax->n_groups++] = kind;
  if (kind == GROUP_TARGET_PARAGRAPH)
    {
      g_string_truncate (sax->spans, 0);
      sax->sentence = bt_document_get_n_sentences (sax->loaded.target);
    }
  enter (sax, IN_GROUP);
}

static void
enter_meta (Sax            *sax,
            const xmlChar **attributes,
            int             n)
{
  const char *type;
  gsize length;

  sax->type[0] = '\0';
  if (find_attribute (attributes, n, "type", &type, &length) && length < MAX_TYPE)
    {
      memcpy (sax->type, type, length);
      sax->type[length] = '\0';
    }
  g_string_truncate (sax->value, 0);
  sax->text = sax->value;
  enter (sax, IN_META);
}

static void
enter_unit (Sax            *sax,
            const xmlChar **attributes,
            int             n)
{
  const char *id;
  gsize length;

  g_clear_pointer (&sax->unit_id, g_free);
  if (find_attribute (attributes, n, "id", &id, &length))
    sax->unit_id = g_strndup (id, length);
  sax->unit_line = sax_line (sax);
  sax->has_paragraph = sax->has_metadata = sax->has_notes = FALSE;
  sax->has_note = sax->has_segment = sax->has_source = FALSE;
  enter (sax, IN_UNIT);
}

/* Inside a group Bitext reads: its metas, and the groups it holds. */
static gboolean
enter_in_group (Sax            *sax,
                const xmlChar  *name,
                const xmlChar **attributes,
                int             n)
{
  GroupKind parent = sax->kinds[sax->n_groups - 1];
  GroupKind kind;

  if (name == sax->n_meta)
    {
      enter_meta (sax, attributes, n);
      return TRUE;
    }
  if (name != sax->n_meta_group)
    return FALSE;
  kind = group_kind (attributes, n);
  if ((parent == GROUP_TARGET_PARAGRAPH && kind == GROUP_TARGET_SENTENCE)
      || (parent == GROUP_TARGET_SENTENCE && (kind == GROUP_LINK || kind == GROUP_ADDITION)))
    {
      enter_group (sax, kind);
      return TRUE;
    }
  return FALSE;
}

/* The first group of the file's metadata says whether this is a review. */
static gboolean
enter_in_file_metadata (Sax            *sax,
                        const xmlChar  *uri,
                        const xmlChar  *name,
                        const xmlChar **attributes,
                        int             n)
{
  GroupKind kind = uri == sax->ns_mda && name == sax->n_meta_group ? group_kind (attributes, n) : GROUP_OTHER;

  if (!sax->seen_group)
    {
      sax->seen_group = TRUE;
      sax->seen_review = kind == GROUP_REVIEW;
    }
  if (!sax->seen_review)
    sax_fall_back (sax);
  else if (kind == GROUP_REVIEW || kind == GROUP_TARGET_PARAGRAPH)
    {
      enter_group (sax, kind);
      return TRUE;
    }
  return FALSE;
}

static gboolean
enter_in_unit (Sax            *sax,
               const xmlChar  *uri,
               const xmlChar  *name)
{
  if (is (uri, name, sax->ns_mda, sax->n_metadata) && !sax->has_metadata)
    {
      sax->has_metadata = TRUE;
      enter (sax, IN_UNIT_METADATA);
    }
  else if (is (uri, name, sax->ns_core, sax->n_notes) && !sax->has_notes)
    {
      sax->has_notes = TRUE;
      enter (sax, IN_NOTES);
    }
  else if (is (uri, name, sax->ns_core, sax->n_segment) && !sax->has_segment)
    {
      sax->has_segment = TRUE;
      enter (sax, IN_SEGMENT);
    }
  else
    return FALSE;
  return TRUE;
}

static gboolean
enter_in_unit_metadata (Sax            *sax,
                        const xmlChar  *uri,
                        const xmlChar  *name,
                        const xmlChar **attributes,
                        int             n)
{
  GroupKind kind;

  if (!is (uri, name, sax->ns_mda, sax->n_meta_group))
    return FALSE;
  kind = group_kind (attributes, n);
  if ((kind == GROUP_PARAGRAPH && !sax->has_paragraph)
      || (kind == GROUP_OMISSION && sax->has_paragraph))
    {
      enter_group (sax, kind);
      return TRUE;
    }
  return FALSE;
}

/* Text that is read whole, elements inside it included. */
static void
enter_text (Sax     *sax,
            Place    place,
            GString *text)
{
  g_string_truncate (text, 0);
  sax->text = text;
  enter (sax, place);
}

static gboolean
enter_in_notes (Sax            *sax,
                const xmlChar  *uri,
                const xmlChar  *name,
                const xmlChar **attributes,
                int             n)
{
  if (!is (uri, name, sax->ns_core, sax->n_note) || sax->has_note
      || !attribute_is (attributes, n, "category", "bitext:paragraph"))
    return FALSE;
  enter_text (sax, IN_NOTE, sax->note);
  return TRUE;
}

static gboolean
enter_in_segment (Sax           *sax,
                  const xmlChar *uri,
                  const xmlChar *name)
{
  if (!is (uri, name, sax->ns_core, sax->n_source) || sax->has_source)
    return FALSE;
  enter_text (sax, IN_SOURCE, sax->source);
  return TRUE;
}

static gboolean
enter_xliff (Sax            *sax,
             const xmlChar  *uri,
             const xmlChar  *name,
             const xmlChar **attributes,
             int             n)
{
  const char *version;
  gsize length;

  if (!is (uri, name, sax->ns_core, sax->n_xliff)
      || !find_attribute (attributes, n, "version", &version, &length)
      || length < 2 || memcmp (version, "2.", 2) != 0)
    {
      sax_fall_back (sax);
      return FALSE;
    }
  enter (sax, IN_XLIFF);
  return TRUE;
}

/* Until the review group is seen, anything unexpected hands the file to
 * the tree reader; after it, what Bitext does not read is skipped. */
static gboolean
enter_in_xliff (Sax           *sax,
                const xmlChar *uri,
                const xmlChar *name)
{
  if (is (uri, name, sax->ns_core, sax->n_file) && !sax->seen_file)
    {
      sax->seen_file = TRUE;
      enter (sax, IN_FILE);
      return TRUE;
    }
  if (!sax->seen_review)
    sax_fall_back (sax);
  return FALSE;
}

static gboolean
enter_in_file (Sax            *sax,
               const xmlChar  *uri,
               const xmlChar  *name,
               const xmlChar **attributes,
               int             n)
{
  if (is (uri, name, sax->ns_mda, sax->n_metadata) && !sax->seen_file_metadata)
    {
      sax->seen_file_metadata = TRUE;
      enter (sax, IN_FILE_METADATA);
      return TRUE;
    }
  if (!sax->seen_review)
    sax_fall_back (sax);
  else if (is (uri, name, sax->ns_core, sax->n_unit))
    {
      enter_unit (sax, attributes, n);
      return TRUE;
    }
  return FALSE;
}

/* Whether the element is read; FALSE to skip it. */
static gboolean
enter_element (Sax            *sax,
               const xmlChar  *uri,
               const xmlChar  *name,
               const xmlChar **attributes,
               int             n)
{
  if (sax->n_places == 0)
    return enter_xliff (sax, uri, name, attributes, n);
  switch (sax->places[sax->n_places - 1])
    {
    case IN_XLIFF:
      return enter_in_xliff (sax, uri, name);
    case IN_FILE:
      return enter_in_file (sax, uri, name, attributes, n);
    case IN_FILE_METADATA:
      return enter_in_file_metadata (sax, uri, name, attributes, n);
    case IN_GROUP:
      return uri == sax->ns_mda && enter_in_group (sax, name, attributes, n);
    case IN_UNIT:
      return enter_in_unit (sax, uri, name);
    case IN_UNIT_METADATA:
      return enter_in_unit_metadata (sax, uri, name, attributes, n);
    case IN_NOTES:
      return enter_in_notes (sax, uri, name, attributes, n);
    case IN_SEGMENT:
      return enter_in_segment (sax, uri, name);
    case IN_META:
    case IN_NOTE:
    case IN_SOURCE:
    default:
      return FALSE;
    }
}

static gboolean
leave_element (Sax *sax)
{
  switch (sax->places[--sax->n_places])
    {
    case IN_META:
      return finish_meta (sax);
    case IN_GROUP:
      {
        gboolean ok = finish_group (sax);

        sax->n_groups--;
        return ok;
      }
    case IN_UNIT:
      return finish_unit (sax);
    case IN_NOTE:
      sax->has_note = TRUE;
      sax->text = NULL;
      return TRUE;
    case IN_SOURCE:
      sax->has_source = TRUE;
      sax->text = NULL;
      return TRUE;
    default:
      return TRUE;
    }
}

/* The limits hold for every element, skipped ones too. */
static gboolean
check_element (Sax            *sax,
               const xmlChar  *name,
               const xmlChar **attributes,
               int             n)
{
  if (sax->xml_depth > BT_XLIFF_MAX_DEPTH)
    return fail_at (sax->self, sax_line (sax), &sax->error,
                    _("elements nest deeper than %d levels"), BT_XLIFF_MAX_DEPTH);
  for (int i = 0; i < n; i++)
    if (attributes[5 * i + 4] - attributes[5 * i + 3] > BT_XLIFF_MAX_ATTRIBUTE)
      return fail_at (sax->self, sax_line (sax), &sax->error, _("the attribute “%s” is longer than %d bytes"),
                      (const char *) attributes[5 * i], BT_XLIFF_MAX_ATTRIBUTE);
  return TRUE;
}

static void
start_element_cb (void           *ctx,
                  const xmlChar  *name,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  Sax *sax = ((xmlParserCtxtPtr) ctx)->_private;

  sax->xml_depth++;
  if (!check_element (sax, name, attributes, n_attributes))
    sax_stop (sax);
  else if (sax->skip > 0 || !enter_element (sax, uri, name, attributes, n_attributes))
    sax->skip++;
}

static void
end_element_cb (void          *ctx,
                const xmlChar *name,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Sax *sax = ((xmlParserCtxtPtr) ctx)->_private;

  sax->xml_depth--;
  if (sax->skip > 0)
    sax->skip--;
  else if (!leave_element (sax))
    sax_stop (sax);
}

static void
characters_cb (void          *ctx,
               const xmlChar *text,
               int            length)
{
  Sax *sax = ((xmlParserCtxtPtr) ctx)->_private;

  if (sax->text != NULL)
    g_string_append_len (sax->text, (const char *) text, length);
}

static void
sax_entity_declared_cb (void          *ctx,
                        const xmlChar *name,
                        int            type,
                        const xmlChar *public_id,
                        const xmlChar *system_id,
                        xmlChar       *content)
{
  sax_fall_back (((xmlParserCtxtPtr) ctx)->_private);
}

static void
start_document_cb (void *ctx)
{
  xmlParserCtxtPtr ctxt = ctx;
  Sax *sax = ctxt->_private;
  const xmlChar **names[] = {
    &sax->ns_core, &sax->ns_mda, &sax->n_xliff, &sax->n_file, &sax->n_unit, &sax->n_metadata,
    &sax->n_meta_group, &sax->n_meta, &sax->n_notes, &sax->n_note, &sax->n_segment, &sax->n_source,
  };
  const char *strings[] = {
    BT_XLIFF_NS, BT_XLIFF_MDA_NS, "xliff", "file", "unit", "metadata",
    "metaGroup", "meta", "notes", "note", "segment", "source",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (strings));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    *names[i] = xmlDictLookup (ctxt->dict, (const xmlChar *) strings[i], -1);
}

static void
ignore_error_cb (void        *data,
                 xmlErrorPtr  error)
{
}

static void
sax_init (Sax    *sax,
          Reader *self,
          gsize   size)
{
  sax->self = self;
  loaded_init (&sax->loaded, size);
  sax->value = g_string_sized_new (256);
  sax->spans = g_string_new (NULL);
  sax->source = g_string_sized_new (1024);
  sax->note = g_string_new (NULL);
  sax->paragraph.arena = g_string_sized_new (256);
}

static void
sax_clear (Sax *sax)
{
  loaded_clear (&sax->loaded);
  g_string_free (sax->value, TRUE);
  g_string_free (sax->spans, TRUE);
  g_string_free (sax->source, TRUE);
  g_string_free (sax->note, TRUE);
  g_string_free (sax->paragraph.arena, TRUE);
  for (guint i = 0; i < MAX_GROUPS; i++)
    if (sax->groups[i].arena != NULL)
      g_string_free (sax->groups[i].arena, TRUE);
  g_clear_pointer (&sax->unit_id, g_free);
  g_clear_pointer (&sax->at_text, g_free);
  g_clear_error (&sax->error);
}

/* The review reader's input: @data in memory, or read from @fd, pushed
 * to the parser in pieces so that its buffer stays small. */
#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  const char       *data;
  gsize             size;
  int               fd;
  gsize             done;
  char             *buffer;
  gsize             expected;   /* bytes to read, 0 when not known */
  const BtProgress *progress;
  GCancellable     *cancellable;
} Input;

/* The next piece: its length, 0 at the end, -1 when reading fails. */
static gssize
input_next (Input       *input,
            const char **chunk)
{
  gssize n;

  if (input->fd < 0)
    {
      n = (gssize) MIN (input->size - input->done, CHUNK_SIZE);
      *chunk = input->data + input->done;
    }
  else
    {
      do
        n = read (input->fd, input->buffer, CHUNK_SIZE);
      while (n < 0 && errno == EINTR);
      *chunk = input->buffer;
    }
  if (n > 0)
    input->done += (gsize) n;
  return n;
}

static gboolean
sax_push (Sax    *sax,
          Input  *input)
{
  for (;;)
    {
      const char *chunk = NULL;
      gssize n = input_next (input, &chunk);

      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (&sax->error, BT_ERROR, BT_ERROR_IO, "%s: %s", sax->self->name, g_strerror (saved_errno));
          return FALSE;
        }
      if (input->done > BT_XLIFF_MAX_SIZE)
        {
          g_set_error (&sax->error, BT_ERROR, BT_ERROR_TOO_LARGE,
                       _("%s: the file is larger than 64 MiB"), sax->self->name);
          return FALSE;
        }
      xmlParseChunk (sax->ctxt, chunk, (int) n, n == 0);
      if (n == 0 || sax->ctxt->disableSAX)
        return TRUE;
      if (!bt_progress_advance (input->progress, (double) input->done / MAX (input->expected, input->done),
                                input->cancellable, &sax->error))
        return FALSE;
    }
}

static void
sax_parse (Sax   *sax,
           Input *input)
{
  xmlSAXHandler handler = { 0 };

  handler.initialized = XML_SAX2_MAGIC;
  handler.startDocument = start_document_cb;
  handler.startElementNs = start_element_cb;
  handler.endElementNs = end_element_cb;
  handler.characters = characters_cb;
  handler.ignorableWhitespace = characters_cb;
  handler.entityDecl = sax_entity_declared_cb;
  handler.serror = ignore_error_cb;
  sax->ctxt = xmlCreatePushParserCtxt (&handler, NULL, NULL, 0, NULL);
  if (sax->ctxt == NULL)
    {
      sax->fallback = TRUE;
      return;
    }
  sax->ctxt->_private = sax;
  xmlCtxtUseOptions (sax->ctxt, PARSE_OPTIONS);
  /* A parse that stopped before the end of the document (an encoding
   * that fails half way, say) may leave an item of a unit never
   * finished: the tree reader then says what is wrong. */
  if (sax_push (sax, input) && sax->error == NULL &&
      (!sax->ctxt->wellFormed || sax->ctxt->errNo != XML_ERR_OK || sax->ctxt->disableSAX))
    sax->fallback = TRUE;
}

typedef enum
{
  SAX_DONE,
  SAX_FALLBACK,
} SaxResult;

static SaxResult
read_review (Reader      *self,
             Input       *input,
             gsize        size,
             BtReview   **review,
             GError     **error)
{
  Sax sax = { 0 };
  SaxResult result = SAX_DONE;

  sax_init (&sax, self, size);
  sax_parse (&sax, input);
  if (sax.error != NULL)
    g_propagate_error (error, g_steal_pointer (&sax.error));
  else if (sax.fallback || !sax.seen_review)
    result = SAX_FALLBACK;
  else if (bt_document_get_n_paragraphs (sax.loaded.source) == 0)
    fail_at (self, sax_line (&sax), error, _("the file holds no unit"));
  else
    *review = build_review (self, &sax.loaded, error);
  if (sax.ctxt != NULL)
    {
      /* where the parser keeps entity declarations for itself */
      g_clear_pointer (&sax.ctxt->myDoc, xmlFreeDoc);
      xmlFreeParserCtxt (sax.ctxt);
    }
  sax_clear (&sax);
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
      /* Segmenting units takes long; read_foreign() says it was cancelled. */
      if (g_cancellable_is_cancelled (self->cancellable))
        return;
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
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return NULL;
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

static gboolean
has_review_group (xmlNode *file)
{
  xmlNode *metadata = first_child (file, BT_XLIFF_MDA_NS, "metadata");

  for (xmlNode *child = metadata != NULL ? metadata->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return is_element (child, BT_XLIFF_MDA_NS, "metaGroup")
             && g_strcmp0 (peek_attribute (child, "category"), "bitext:review") == 0;
  return FALSE;
}

static BtReview *
read_root (Reader   *self,
           xmlNode  *root,
           GError  **error)
{
  g_autofree char *version = NULL;
  xmlNode *file;

  if (root == NULL || root->ns == NULL || !g_str_equal ((const char *) root->name, "xliff"))
    return fail (self, root, error, _("this is not an XLIFF file")), NULL;
  if (g_str_equal ((const char *) root->ns->href, XLIFF12_NS))
    return read_foreign (self, root, FALSE, error);
  if (!g_str_equal ((const char *) root->ns->href, BT_XLIFF_NS))
    return fail (self, root, error, _("unknown XLIFF namespace “%s”"), (const char *) root->ns->href), NULL;
  version = get_attribute (root, "version");
  if (version == NULL || !g_str_has_prefix (version, "2."))
    return fail (self, root, error, _("unsupported XLIFF version “%s”"), version ? version : ""), NULL;

  /* Reviews are read without a tree: one here is laid out unlike the profile. */
  file = first_child (root, BT_XLIFF_NS, "file");
  if (file != NULL && has_review_group (file))
    /* Translators: the profile is the documented shape of Bitext's review
     * files (data/xliff-profile.md) */
    return fail (self, file, error, _("the Bitext metadata is not where the profile puts it")), NULL;
  return read_foreign (self, root, TRUE, error);
}

static BtReview *
read_tree (Reader      *self,
           const char  *data,
           gsize        size,
           GError     **error)
{
  BtReview *review = NULL;
  xmlDoc *doc;

  if (size == 0)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_EMPTY, _("%s: the file is empty"), self->name);
      return NULL;
    }
  if (size > BT_XLIFF_MAX_SIZE)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_TOO_LARGE, _("%s: the file is larger than 64 MiB"), self->name);
      return NULL;
    }
  g_hash_table_remove_all (self->units);
  doc = parse (self, data, size, error);
  if (doc == NULL)
    return NULL;
  if (check_limits (self, xmlDocGetRootElement (doc), 1, error))
    review = read_root (self, xmlDocGetRootElement (doc), error);
  xmlFreeDoc (doc);
  return review;
}

/* A review from @input, or else the tree from @input's data or, when it
 * is read from a file, from @path read whole. */
/* libxml2 reports some failures, such as an encoding that cannot
 * convert the input, on its own generic channel, which prints to
 * standard error; what they mean reaches the user as a GError instead.
 * The channel is the calling thread's own. */
typedef struct
{
  xmlGenericErrorFunc func;
  void               *data;
} QuietErrors;

static void
drop_generic_error (void       *data,
                    const char *format,
                    ...)
{
}

static QuietErrors
quiet_errors (void)
{
  QuietErrors saved = { xmlGenericError, xmlGenericErrorContext };

  xmlSetGenericErrorFunc (NULL, drop_generic_error);
  return saved;
}

static void
restore_errors (QuietErrors *saved)
{
  xmlSetGenericErrorFunc (saved->data, saved->func);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QuietErrors, restore_errors)

static BtReview *
read_input (Input             *input,
            gsize              size,
            const char        *path,
            const char        *name,
            const BtProgress  *progress,
            GPtrArray        **warnings,
            GError           **error)
{
  BtProgress read_part = bt_progress_part (progress, 0, READ_SHARE);
  BtProgress build_part = bt_progress_part (progress, READ_SHARE, 1);
  g_autoptr(GHashTable) warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) units = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  Reader self = { name, messages, warned, units, NULL, &build_part, input->cancellable };
  BtReview *review = NULL;
  g_auto (QuietErrors) quiet = quiet_errors ();

  input->progress = &read_part;
  input->expected = size;
  if (read_review (&self, input, size, &review, error) == SAX_FALLBACK)
    {
      if (g_cancellable_set_error_if_cancelled (input->cancellable, error))
        return NULL;
      if (input->fd < 0)
        review = read_tree (&self, input->data, input->size, error);
      else if (!g_file_get_contents (path, &contents, &size, &local_error))
        g_set_error (error, BT_ERROR, BT_ERROR_IO, "%s", local_error->message);
      else
        review = read_tree (&self, contents, size, error);
    }
  if (review == NULL)
    return NULL;
  bt_review_clear_history (review);
  bt_review_mark_saved (review);
  bt_progress_report (progress, 1);
  if (warnings != NULL)
    *warnings = g_steal_pointer (&messages);
  return review;
}

BtReview *
bt_xliff_read_data (const char  *data,
                    gsize        size,
                    const char  *name,
                    GPtrArray  **warnings,
                    GError     **error)
{
  Input input = { data, size, -1 };

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
  return read_input (&input, size, NULL, name, NULL, warnings, error);
}

/* GLib says best why a file cannot be read. */
static BtReview *
read_whole_file (const char  *path,
                 const char  *name,
                 GPtrArray  **warnings,
                 GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &data, &size, &local_error))
    {
      g_set_error (error, BT_ERROR, BT_ERROR_IO, "%s", local_error->message);
      return NULL;
    }
  return bt_xliff_read_data (data, size, name, warnings, error);
}

BtReview *
bt_xliff_read_file (const char  *path,
                    GPtrArray  **warnings,
                    GError     **error)
{
  return bt_xliff_read_file_full (path, NULL, NULL, warnings, error);
}

/* Read in pieces, a large review is never held whole in memory. */
BtReview *
bt_xliff_read_file_full (const char        *path,
                         const BtProgress  *progress,
                         GCancellable      *cancellable,
                         GPtrArray        **warnings,
                         GError           **error)
{
  g_autofree char *name = NULL;
  g_autofree char *buffer = NULL;
  Input input = { NULL, 0, -1 };
  GStatBuf st = { 0 };
  BtReview *review;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  name = g_filename_display_name (path);
  if (g_stat (path, &st) == 0 && st.st_size > BT_XLIFF_MAX_SIZE)
    {
      g_set_error (error, BT_ERROR, BT_ERROR_TOO_LARGE, _("%s: the file is larger than 64 MiB"), name);
      return NULL;
    }
  input.fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (input.fd < 0)
    return read_whole_file (path, name, warnings, error);
  input.buffer = buffer = g_malloc (CHUNK_SIZE);
  input.cancellable = cancellable;
  review = read_input (&input, S_ISREG (st.st_mode) ? (gsize) st.st_size : 0, path, name,
                       progress, warnings, error);
  close (input.fd);
  return review;
}
