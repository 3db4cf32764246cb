export const usage = `Usage: coursemark <command> [options]

Commands:
  init [dir]          Start a new course in dir (default: .): a starter course showing every
                      directive, a package.json with build/check/preview/verify scripts, a .gitignore
  build [courseDir]   Check the course and build it (default folder: .)
      --out <dir>       Output folder (default: dist)
      --target <list>   Targets, comma-separated: scorm12, scorm2004, cmi5, xapi, web, cc
                        (default: all but cc, the Common Cartridge for Canvas, Blackboard,
                        Brightspace and Moodle's own pages and quizzes)
      --cmi5-aus <how>  single: one AU for the course; per-page: one AU per page (in a block
                        per part); per-part: one AU per part (default: cmi5.aus in course.yaml)
  check [courseDir]   Check the course and report every problem, without building
      --format <fmt>    text (default) or json
      --max-page-kb <n> (build and check) largest page, in KB (default: 512)
      --max-nesting <n> (build and check) deepest nesting of lists, quotes and directives (default: 32)
      --cache-dir <dir> (build and check) cache for fast rebuilds (default: <out>/.coursemark-cache)
      --no-cache        (build and check) build everything afresh, without reading or writing a cache
  preview [courseDir] Serve the course at http://127.0.0.1:5173 inside an emulated LMS, with a
                      panel showing what each target records; Markdown edits update the page
      --port <n>        Port to listen on (default: 5173, or the next free one)
      --open            Open the preview in your browser
  verify <package.zip | folder>
                      Launch a built package (or each zip in a folder such as dist) in an emulated
                      LMS, take it as a learner, and report what the LMS recorded and every problem;
                      a .imscc cartridge is checked and summarised (modules, pages, quizzes)
      --answers <how>   correct (default), wrong or first (the first option each time);
                        a list such as wrong,correct answers a question pool's retries in turn
      --resume          Also leave mid-course, relaunch, and check the learner lands there
      --json            Print the report as JSON (for CI)
      --timeout <s>     Stop the learner after this many seconds (default: 120)
      --lms <names>     Advice for these LMSs only: moodle, canvas, brightspace, blackboard,
                        sakai, successfactors, comma-separated (default: a section for each)
  report <courseDir> <data...>
                      Item analysis and learner journeys from what the LRS or LMS recorded:
                      xAPI/cmi5 statements (JSON array, {"statements": [...]} pages or JSON
                      lines) and Moodle's SCORM Interactions report download (text or CSV)
      --out <file>      HTML report to write (default: report.html)
      --json            Print the figures as JSON (writes HTML only with --out)
      --show-text       Include typed answers and shared reflections (hidden by default)
      --salt <text>     Key for learner pseudonyms: the same salt names learners alike in every
                        report (default: a new random key each time)
  explain [rule-id]   Explain a rule that check reports, with an example and the fix
                      (without a rule id: list every rule)

Options:
  -h, --help          Show this help
  -v, --version       Show the version

Exit codes: 0 success (warnings allowed), 1 problems in the course or package,
2 wrong command or options, 3 internal error (please report it).`;

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, content: 1, usage: 2, internal: 3 } as const;
