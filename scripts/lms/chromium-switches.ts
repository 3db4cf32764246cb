/**
 * The command-line switches coursemark adds to the ones Playwright passes when it launches Chromium
 * (for `verify`, the preview tests and the browser tests).
 *
 * Chromium keeps only the last `--disable-features` switch it is given, and Playwright passes one
 * of its own first: the list below repeats Playwright's (playwright-core 1.65,
 * `server/chromium/chromiumSwitches.ts`) so that adding coursemark's does not switch Playwright's
 * back on. test/browser/chromium-switches.test.ts reads the running browser's command line and
 * fails when Playwright names a feature this list lacks.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/** Chromium's own calls home (form-fill hints, translation, feed): verify would report them as the package's. */
const CALLS_HOME = ['AutofillServerCommunication', 'Translate', 'InterestFeedContentSuggestions'];

/**
 * Headless Chromium still builds the browser window's omnibox popup, a hidden WebUI page in a
 * renderer of its own: about 1.5 s of CPU per launch (Chromium 156), on the path to the first page
 * of every run. No page is ever typed into an address bar here.
 */
const HIDDEN_BROWSER_UI = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export const DISABLED_FEATURES: readonly string[] = [...PLAYWRIGHT_DISABLED_FEATURES, ...CALLS_HOME, ...HIDDEN_BROWSER_UI];

export const CHROMIUM_SWITCHES: readonly string[] = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
  '--disable-client-side-phishing-detection',
  '--disable-domain-reliability',
  '--safebrowsing-disable-auto-update',
  // Only loopback names resolve: a request that slipped past verify's routing still reaches nothing.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  // WebRTC may not open UDP connections of its own (STUN requests are not routed requests).
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];
