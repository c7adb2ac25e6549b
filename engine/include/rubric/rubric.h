/*
 * rubric — interview and assessment rubric engine.
 *
 * Ownership: functions that return a new object (rb_library_load,
 * rb_diags_new) give it to the caller, who frees it with the matching
 * *_free. Everything else returned is borrowed from its owner and lives as
 * long as that owner. The library never prints and never exits.
 */
#ifndef RUBRIC_H
#define RUBRIC_H

#include "answers.h"
#include "assessment.h"
#include "buf.h"
#include "date.h"
#include "devplan.h"
#include "diag.h"
#include "discussion.h"
#include "io.h"
#include "journal.h"
#include "json.h"
#include "load.h"
#include "model.h"
#include "panel.h"
#include "plan.h"
#include "records.h"
#include "report.h"
#include "score.h"
#include "session.h"
#include "rubric/version.h"

#endif
