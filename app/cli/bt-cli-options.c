/* bt-cli-options.c: bitext-cli's command line, read without printing or
 * exiting, so that any arguments can be tried in the same process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bt-cli-options.h"

typedef struct
{
  const char      *name;
  const char      *summary;
  GOptionContext *(*context) (BtCliOptions *options,
                              GString      *short_names);
  gboolean        (*check)   (BtCliOptions   *options,
                              GOptionContext *context);
} CommandSpec;

static gboolean
fail (BtCliOptions *options,
      char         *error,
      char         *help)
{
  options->command = BT_CLI_COMMAND_NONE;
  options->status = BT_CLI_USAGE;
  options->error = error;
  options->help = help;
  return FALSE;
}

static gboolean
finish (BtCliOptions *options,
        int           status,
        char         *error,
        char         *text)
{
  options->command = BT_CLI_COMMAND_NONE;
  options->status = status;
  options->error = error;
  options->text = text;
  return FALSE;
}

static gboolean
parse_paragraph_mode (BtCliOptions *options)
{
  const char *string = options->paragraphs;

  if (string == NULL || g_str_equal (string, "auto"))
    options->paragraph_mode = BT_PARAGRAPH_MODE_AUTO;
  else if (g_str_equal (string, "lines"))
    options->paragraph_mode = BT_PARAGRAPH_MODE_LINES;
  else if (g_str_equal (string, "blank"))
    options->paragraph_mode = BT_PARAGRAPH_MODE_BLANK_LINES;
  else
    return fail (options,
                 g_strdup_printf (_("unknown paragraph mode “%s”: use auto, lines or blank"), string),
                 NULL);

  return TRUE;
}

static gboolean
has_files (BtCliOptions *options,
           guint         n_files)
{
  return g_strv_length (options->files) == n_files;
}

/* convert, validate and stats show their help when the file is missing. */
static gboolean
check_one_review (BtCliOptions   *options,
                  GOptionContext *context)
{
  if (has_files (options, 1))
    return TRUE;

  return fail (options, g_strdup (_("expected exactly one review file")),
               g_option_context_get_help (context, TRUE, NULL));
}

/* The short names are kept for asks_for_help(). */
static void
add_entries (GOptionContext     *context,
             const GOptionEntry *entries,
             GString            *short_names)
{
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  for (const GOptionEntry *entry = entries; entry->long_name != NULL; entry++)
    if (entry->short_name != '\0')
      g_string_append_c (short_names, entry->short_name);
}

static GOptionContext *
segment_context (BtCliOptions *options,
                 GString      *short_names)
{
  const GOptionEntry entries[] = {
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &options->lang,
      N_("Language of the text: zh, en or auto (the default)"), N_("LANG") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options->format,
      N_("Output format: tsv (the default) or json"), N_("FORMAT") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &options->encoding,
      N_("Read the file in this encoding instead of detecting it"), N_("ENCODING") },
    { "paragraphs", 'p', 0, G_OPTION_ARG_STRING, &options->paragraphs,
      N_("Paragraphs are lines, blank-line blocks or auto (the default)"), N_("MODE") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (_("FILE — print the sentences of a text file"));

  g_set_prgname ("bitext-cli segment");

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  add_entries (context, entries, short_names);
  g_option_context_set_description (context,
    _("The tsv format prints one line per sentence: the paragraph number, the "
      "sentence number within its paragraph (both counted from 1), the start "
      "and the end of the sentence in code points of the paragraph (the end "
      "excluded) and its text, with tabs, line breaks and backslashes escaped "
      "as \\t, \\n and \\\\.\n"
      "The json format prints the paragraphs with their text and the "
      "[start, end] code points of their sentences.\n"
      "Exit status: 0 done, 1 bad input, 2 wrong usage."));
  return context;
}

static gboolean
check_segment (BtCliOptions   *options,
               GOptionContext *context)
{
  const char *lang = options->lang;
  const char *format = options->format;

  if (!has_files (options, 1))
    return fail (options, g_strdup (_("segment takes one FILE; see “bitext-cli segment --help”")), NULL);

  options->guess_language = lang == NULL || g_str_equal (lang, "auto");
  if (!options->guess_language && !g_str_equal (lang, "zh") && !g_str_equal (lang, "en"))
    return fail (options, g_strdup_printf (_("unknown language “%s”: use zh, en or auto"), lang), NULL);
  if (!options->guess_language)
    bt_language_from_string (lang, &options->language);

  if (format != NULL && !g_str_equal (format, "tsv") && !g_str_equal (format, "json"))
    return fail (options, g_strdup_printf (_("unknown format “%s”: use tsv or json"), format), NULL);

  return parse_paragraph_mode (options);
}

static GOptionContext *
split_context (BtCliOptions *options,
               GString      *short_names)
{
  const GOptionEntry entries[] = {
    { "source", 's', 0, G_OPTION_ARG_FILENAME, &options->source,
      N_("Write the Chinese paragraphs to OUT, one a line"), N_("OUT") },
    { "target", 't', 0, G_OPTION_ARG_FILENAME, &options->target,
      N_("Write the English paragraphs to OUT, one a line"), N_("OUT") },
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &options->encoding,
      N_("Read the file in this encoding instead of detecting it"), N_("ENCODING") },
    { "paragraphs", 'p', 0, G_OPTION_ARG_STRING, &options->paragraphs,
      N_("Paragraphs are lines, blank-line blocks or auto (the default)"), N_("MODE") },
    { NULL }
  };
  GOptionContext *context =
    g_option_context_new (_("BILINGUAL — split a file holding both languages"));

  g_set_prgname ("bitext-cli split");
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  add_entries (context, entries, short_names);
  g_option_context_set_description (context,
    _("Paragraphs whose letters are mostly Chinese characters go to the "
      "source, the others to the target, in their order. Both outputs are "
      "written, as UTF-8, only when the whole file could be split.\n"
      "Exit status: 0 done, 1 bad input, 2 wrong usage."));
  return context;
}

static gboolean
check_split (BtCliOptions   *options,
             GOptionContext *context)
{
  if (!has_files (options, 1))
    return fail (options, g_strdup (_("split takes one BILINGUAL file; see “bitext-cli split --help”")), NULL);
  if (options->source == NULL || options->target == NULL)
    return fail (options, g_strdup (_("split needs both --source and --target")), NULL);
  if (g_str_equal (options->source, options->target))
    return fail (options, g_strdup (_("--source and --target must name different files")), NULL);

  return parse_paragraph_mode (options);
}

static GOptionContext *
convert_context (BtCliOptions *options,
                 GString      *short_names)
{
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options->format, N_("xliff, xliff12, json or csv"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output, N_("Write to OUT, not the standard output"), N_("OUT") },
    { NULL }
  };
  GOptionContext *context =
    g_option_context_new (_("REVIEW.xlf — write a review in another format (REVIEW.json is read too)"));

  add_entries (context, entries, short_names);
  return context;
}

static gboolean
check_convert (BtCliOptions   *options,
               GOptionContext *context)
{
  static const char *const formats[] = { "xliff", "xliff12", "json", "csv", NULL };

  if (!check_one_review (options, context))
    return FALSE;
  if (options->format == NULL || !g_strv_contains (formats, options->format))
    return fail (options, g_strdup (_("--format must be xliff, xliff12, json or csv")), NULL);

  return TRUE;
}

static GOptionContext *
validate_context (BtCliOptions *options,
                  GString      *short_names)
{
  return g_option_context_new (_("REVIEW.xlf — check a review file"));
}

static GOptionContext *
stats_context (BtCliOptions *options,
               GString      *short_names)
{
  return g_option_context_new (_("REVIEW.xlf — print a review's figures"));
}

static GOptionContext *
align_context (BtCliOptions *options,
               GString      *short_names)
{
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options->format, N_("json (default), xliff or xliff12"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output, N_("Write to OUT, not the standard output"), N_("OUT") },
    { "dictionary", 0, 0, G_OPTION_ARG_FILENAME, &options->dictionary, N_("A dictionary in CC-CEDICT format"), N_("FILE") },
    { "units", 0, 0, G_OPTION_ARG_STRING, &options->units, N_("“lines”: every line of both files is one unit"), N_("UNITS") },
    { "bilingual", 0, 0, G_OPTION_ARG_FILENAME, &options->bilingual, N_("Read both languages from one file"), N_("FILE") },
    { "paragraphs", 0, 0, G_OPTION_ARG_STRING, &options->paragraphs, N_("auto, lines or blank"), N_("MODE") },
    { "explain", 0, 0, G_OPTION_ARG_NONE, &options->explain, N_("Print the signals behind each link"), NULL },
    { "disable", 0, 0, G_OPTION_ARG_STRING, &options->disable, N_("Signals to leave out, comma-separated"), N_("LIST") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (_("SOURCE TARGET — suggest links and omissions"));

  add_entries (context, entries, short_names);
  return context;
}

static gboolean
parse_disabled (BtCliOptions *options)
{
  g_auto (GStrv) names = g_strsplit (options->disable != NULL ? options->disable : "", ",", -1);

  options->disabled = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      BtSignal signal;

      if (*names[i] == '\0')
        continue;
      if (!bt_signal_from_string (names[i], &signal))
        return fail (options,
                     g_strdup_printf (_("unknown signal “%s”: use dictionary, names, numbers, latin, length or position"),
                                      names[i]),
                     NULL);
      options->disabled |= signal;
    }
  return TRUE;
}

static gboolean
check_align (BtCliOptions   *options,
             GOptionContext *context)
{
  const char *format;

  if (!has_files (options, options->bilingual != NULL ? 0 : 2))
    return fail (options,
                 g_strdup (options->bilingual != NULL ? _("--bilingual takes no other file")
                                                      : _("expected a source and a target file")),
                 g_option_context_get_help (context, TRUE, NULL));

  if (options->format == NULL)
    options->format = g_strdup ("json");
  format = options->format;
  if (!g_str_equal (format, "json") && !g_str_equal (format, "xliff") && !g_str_equal (format, "xliff12"))
    return fail (options, g_strdup (_("--format must be json, xliff or xliff12")), NULL);
  if (options->units != NULL && !g_str_equal (options->units, "lines"))
    return fail (options, g_strdup (_("--units takes only “lines”")), NULL);

  return parse_disabled (options) && parse_paragraph_mode (options);
}

static const CommandSpec commands[] = {
  { "segment", N_("Print the sentences of a text file"), segment_context, check_segment },
  { "split", N_("Split a bilingual file into source and target"), split_context, check_split },
  { "convert", N_("Write a review in another format"), convert_context, check_convert },
  { "validate", N_("Check a review file"), validate_context, check_one_review },
  { "stats", N_("Print the figures of a review"), stats_context, check_one_review },
  { "align", N_("Suggest links and omissions between a source and a target"), align_context, check_align },
};

G_STATIC_ASSERT (G_N_ELEMENTS (commands) == BT_CLI_N_COMMANDS - 1);

static char *
usage_text (void)
{
  GString *usage = g_string_new (NULL);

  g_string_append_printf (usage, "%s\n", _("Usage: bitext-cli COMMAND [OPTION…]"));
  g_string_append_printf (usage, "\n%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (usage, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (usage, "\n%s\n", _("Run “bitext-cli COMMAND --help” for the options of a command."));
  return g_string_free (usage, FALSE);
}

/* The argument GLib names in its "Unknown option" error. */
static const char *
find_unknown (const GError *error,
              int           argc,
              char        **argv)
{
  if (!g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION))
    return NULL;

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *message = g_strdup_printf (g_dgettext ("glib20", "Unknown option %s"), argv[i]);

      if (g_str_equal (message, error->message))
        return argv[i];
    }
  return NULL;
}

/* GLib's own --help would print and exit, so parsing runs without it; the
 * option it then rejects as unknown is where it would have given help. It
 * reads a cluster of short options up to the first one it does not know. */
static gboolean
asks_for_help (const char  *arg,
               const char  *short_names,
               gboolean    *main_help)
{
  *main_help = TRUE;
  if (arg == NULL || arg[0] != '-')
    return FALSE;
  if (arg[1] == '-')
    {
      *main_help = g_str_equal (arg, "--help");
      return *main_help || g_str_equal (arg, "--help-all");
    }

  arg += 1 + strspn (arg + 1, short_names);
  return *arg == 'h' || *arg == '?';
}

static gboolean
parse_failed (BtCliOptions   *options,
              GOptionContext *context,
              const char     *short_names,
              const GError   *error,
              int             argc,
              char          **argv)
{
  gboolean main_help;

  if (!asks_for_help (find_unknown (error, argc, argv), short_names, &main_help))
    return fail (options, g_strdup (error->message), NULL);

  options->command = BT_CLI_COMMAND_NONE;
  options->status = BT_CLI_OK;
  options->help = g_option_context_get_help (context, main_help, NULL);
  return FALSE;
}

static char **
files_of (int    argc,
          char **argv)
{
  GPtrArray *files = g_ptr_array_new ();

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (files, g_strdup (argv[i]));
  g_ptr_array_add (files, NULL);
  return (char **) g_ptr_array_free (files, FALSE);
}

/* @argv starts at the command's name. */
static gboolean
parse_command (BtCliOptions      *options,
               const CommandSpec *spec,
               int                argc,
               char             **argv)
{
  g_autoptr(GString) short_names = g_string_new (NULL);
  g_autoptr(GOptionContext) context = spec->context (options, short_names);
  g_autofree char **args = g_new0 (char *, argc + 1);
  g_autoptr(GError) error = NULL;
  gboolean parsed;

  /* GLib reorders the array it parses; the caller's stays as it was. */
  memcpy (args, argv, sizeof (char *) * (gsize) argc);
  g_option_context_set_help_enabled (context, FALSE);
  parsed = g_option_context_parse (context, &argc, &args, &error);
  g_option_context_set_help_enabled (context, TRUE);
  if (!parsed)
    return parse_failed (options, context, short_names->str, error, argc, args);

  options->files = files_of (argc, args);
  return spec->check (options, context);
}

gboolean
bt_cli_options_parse (BtCliOptions  *options,
                      int            argc,
                      char         **argv)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->command == BT_CLI_COMMAND_NONE && options->files == NULL, FALSE);

  if (argc < 2)
    return finish (options, BT_CLI_USAGE, NULL, usage_text ());

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    return finish (options, BT_CLI_OK, NULL, usage_text ());

  if (g_str_equal (argv[1], "--version"))
    return finish (options, BT_CLI_OK, NULL, g_strdup ("bitext-cli " PACKAGE_VERSION "\n"));

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        options->command = (BtCliCommand) (i + 1);
        return parse_command (options, &commands[i], argc - 1, argv + 1);
      }

  return finish (options, BT_CLI_USAGE, g_strdup_printf (_("unknown command “%s”"), argv[1]), usage_text ());
}

void
bt_cli_options_clear (BtCliOptions *options)
{
  g_clear_pointer (&options->files, g_strfreev);
  g_clear_pointer (&options->lang, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->encoding, g_free);
  g_clear_pointer (&options->paragraphs, g_free);
  g_clear_pointer (&options->source, g_free);
  g_clear_pointer (&options->target, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->dictionary, g_free);
  g_clear_pointer (&options->units, g_free);
  g_clear_pointer (&options->bilingual, g_free);
  g_clear_pointer (&options->disable, g_free);
  g_clear_pointer (&options->error, g_free);
  g_clear_pointer (&options->help, g_free);
  g_clear_pointer (&options->text, g_free);
  memset (options, 0, sizeof *options);
}
