import { chromium } from "@playwright/test";

const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

/** Bytes of JavaScript the lead page makes the browser download (as sent, compressed), and how many files. */
export async function measureLeadPageScripts(baseUrl: string, sessionToken: string, leadId: string) {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: "nexor_session", value: sessionToken, url: baseUrl }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    const scripts = new Set<string>();
    let bytes = 0;
    cdp.on("Network.responseReceived", (event) => {
      if (event.type === "Script") scripts.add(event.requestId);
    });
    cdp.on("Network.loadingFinished", (event) => {
      if (scripts.has(event.requestId)) bytes += event.encodedDataLength;
    });
    await page.goto(`${baseUrl}/leads/${leadId}`, { waitUntil: "networkidle" });
    return { compressedScriptBytes: bytes, scriptFiles: scripts.size };
  } finally {
    await browser.close();
  }
}
