// An emulated LMS page for end-to-end tests: it exposes a scorm-again API (SCORM 1.2 `API` or 2004
// `API_1484_11`) on this window, records every call the content makes, and launches the package in
// an iframe, as Moodle's player does. The test sets `window.__lmsInit` before the page loads:
// { version: '1.2' | '2004', launch: 'relative/url/of/index.html', cmi: {...} (a saved attempt) }.
const init = window.__lmsInit ?? { version: '1.2', launch: '../pkg/index.html', cmi: {} };
const log = [];
window.__lmsLog = log;
// The log is read back into coursemark verify: a package calling the API without end must not fill
// its memory. Past this many calls only (LMS)Initialize, Terminate and LMSFinish are still logged.
const MAX_LOGGED = 20000;
const MAX_ARG = 65536;

const settings = { autocommit: false, logLevel: 5, mastery_override: false };
const api = init.version === '2004' ? new window.Scorm2004API(settings) : new window.Scorm12API(settings);
if (init.cmi && Object.keys(init.cmi).length > 0) api.loadFromJSON(init.cmi, '');

const methods =
  init.version === '2004'
    ? ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic']
    : ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'];
// Settles when the content ends its session (LMSFinish or Terminate, whatever the answer): verify
// waits on it instead of reading the call log over and over.
let markFinished;
window.__lmsFinished = new Promise((resolve) => {
  markFinished = resolve;
});
const refuse = { commits: init.refuseCommits ?? 0 };
window.__lmsRefuseCommits = (count) => {
  refuse.commits = count;
};
for (const name of methods) {
  const original = api[name].bind(api);
  api[name] = (...args) => {
    let result;
    if ((name === 'Commit' || name === 'LMSCommit') && refuse.commits > 0) {
      refuse.commits -= 1;
      result = 'false';
    } else {
      result = original(...args);
    }
    const error = name.includes('GetLastError') || name.includes('GetErrorString') || name.includes('GetDiagnostic') ? undefined : String(api.lmsGetLastError?.() ?? api.GetLastError?.() ?? '0');
    if (log.length < MAX_LOGGED || /Initialize|Terminate|Finish/.test(name)) {
      log.push({ name, args: args.map((arg) => String(arg).slice(0, MAX_ARG)), result: String(result).slice(0, MAX_ARG), error, at: Date.now() });
    }
    if (name === 'LMSFinish' || name === 'Terminate') markFinished();
    return result;
  };
}
if (init.version === '2004') window.API_1484_11 = api;
else window.API = api;

/** The data model as the LMS would store it, for the test to read after the launch ends. */
window.__lmsData = () => JSON.parse(api.renderCMIToJSONString());

const frame = document.createElement('iframe');
frame.title = 'Course';
frame.width = '1024';
frame.height = '768';
frame.src = init.launch;
document.body.append(frame);
window.__lmsClose = () => frame.remove();
