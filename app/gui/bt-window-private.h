/* bt-window-private.h: what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bt-line-model.h"
#include "bt-link-gutter.h"
#include "bt-loader.h"
#include "bt-window.h"

G_BEGIN_DECLS

struct _BtWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkSpinner           *spinner;
  GtkPaned             *paned;
  GtkScrolledWindow    *source_scroller;
  GtkScrolledWindow    *target_scroller;
  GtkListView          *source_view;
  GtkListView          *target_view;
  BtLinkGutter         *gutter;
  GtkRevealer          *details_revealer;
  GtkBox               *details_box;
  GtkLabel             *status_progress;
  GtkLabel             *status_coverage;
  GtkLabel             *status_score;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *align_box;
  GtkSpinner           *align_spinner;
  GtkButton            *align_cancel;
  GtkWidget            *load_box;
  GtkLabel             *load_label;
  GtkProgressBar       *load_progress;
  GtkButton            *load_cancel;
  GMenu                *recent_menu;

  /* the review and its views */
  BtReview             *review;
  BtLineModel          *source_model;
  BtLineModel          *target_model;
  GtkSingleSelection   *source_selection;
  GtkSingleSelection   *target_selection;
  GFile                *file;
  GtkWidget            *flag_popover;
  GtkDropDown          *flag_category;
  GtkDropDown          *flag_severity;
  GtkEntry             *flag_comment;
  guint                 flag_paragraph;
  guint                 flag_start;
  guint                 flag_end;
  guint64               n_changes;   /* counts review changes, to know what a save covered */
  guint                 details_idle_id;
  guint                 find_position; /* paragraphs first, then sentences */
  gboolean              lowest_first;  /* Alt+Page Down order */

  /* work in progress */
  GCancellable         *cancellable;
  BtLoadProgress       *load_state;      /* the opening under way, or NULL */
  gint64                load_started;
  guint                 load_timeout_id;
  char                 *page_before_load; /* restored when the opening is cancelled */
  gboolean              sample_before_load;
  guint                 busy;
  GtkWidget            *pending_dialog;
  gboolean              close_confirmed;
  GCancellable         *align_cancellable;
  guint                 structure_serial; /* counts structure changes, to drop stale alignments */
  gboolean              showing_sample;   /* nothing the reviewer asked for */

  GSettings            *settings;
};

/* bt-window.c */
void        _bt_window_set_review        (BtWindow   *self,
                                          BtReview   *review,
                                          GFile      *file);
void        _bt_window_show_error        (BtWindow   *self,
                                          const char *message);
void        _bt_window_toast             (BtWindow   *self,
                                          const char *message);
guint       _bt_window_get_paragraph     (BtWindow   *self);
guint       _bt_window_get_sentence      (BtWindow   *self);
void        _bt_window_select_paragraph  (BtWindow   *self,
                                          guint       paragraph);
void        _bt_window_select_sentence   (BtWindow   *self,
                                          guint       sentence);
void        _bt_window_begin_busy        (BtWindow   *self);
void        _bt_window_end_busy          (BtWindow   *self);
void        _bt_window_update_actions    (BtWindow   *self);
void        _bt_window_update_details    (BtWindow   *self);
/* The bound row of @side showing @index, or NULL when it is not shown. */
GtkWidget  *_bt_window_find_row          (BtWindow   *self,
                                          BtSide      side,
                                          guint       index);

/* bt-window-recent.c */
/* Lists the reviews opened lately in the Open Recent Review menu. */
void        _bt_window_init_recent       (BtWindow   *self);

/* bt-window-find.c */
void        _bt_window_init_find         (BtWindow   *self);
void        _bt_window_find_action       (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter);
/* Selects the next (@step 1) or previous (-1) row holding @query, after
 * the last match; FALSE if none does. */
gboolean    _bt_window_find              (BtWindow   *self,
                                          const char *query,
                                          int         step);

/* bt-window-actions.c */
/* Key bindings for the keys entries must keep; the other keys are the
 * application's accelerators (bt_window_set_accels). */
void        _bt_window_class_actions_init (GtkWidgetClass *widget_class);
/* The window's actions, in its action map, which GtkApplication exports. */
void        _bt_window_init_actions       (BtWindow       *self);
void        _bt_window_save_to            (BtWindow       *self,
                                           GFile          *file,
                                           gboolean        then_close);
/* @format: "xliff12", "json" or "csv". */
void        _bt_window_export_to          (BtWindow       *self,
                                           GFile          *file,
                                           const char     *format);
void        _bt_window_init_pointer       (BtWindow       *self);
/* Asks whether to save before closing. */
void        _bt_window_ask_unsaved        (BtWindow       *self);
/* Opens the flag popover for [start, end) of the selected paragraph. */
void        _bt_window_flag               (BtWindow       *self,
                                           guint           start,
                                           guint           end);

G_END_DECLS
