import { svgActiveContent } from '../../scripts/validate/asset-check.js';
const cases = [
 '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="url(#g)"/><defs><linearGradient id="g"/></defs></svg>',
 '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="x"/></div></foreignObject></svg>',
 '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text>x</text></a><image href="https://evil.example/t.png"/><image href="data:image/png;base64,AAAA"/><use href="#a"/></svg>',
 '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a><style>@import url(https://x/y.css);</style><rect style="fill:url(https://x/#a)"/></svg>',
 '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="x.xsl"?><!DOCTYPE svg [<!ENTITY x "<script>1</script>">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
 '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:version="1.0"><g inkscape:label="Layer"><path d="M0 0"/></g></svg>',
 '<svg xmlns="http://www.w3.org/2000/svg"><html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script></svg>',
];
for (const c of cases) console.log(svgActiveContent(c));
