// The tests drive Debian's firefox-esr through puppeteer (WebDriver BiDi); puppeteer must not download a browser
// on `npm install` (it cannot here, and does not need to anywhere).
module.exports = { skipDownload: true };
