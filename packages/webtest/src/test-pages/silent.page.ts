// Never reports: runInBrowser must stop at its time budget and say so.
export {};
