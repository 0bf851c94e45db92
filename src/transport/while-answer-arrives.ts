/**
 * What elements load to show an answer, started while the proxy's first answer arrives, beside the code that reads
 * it (`FetchProxy` runs each once, then forgets them): a first visit, which the proxy answers "signed out", loads
 * neither, and a signed-in one does not wait for them after the answer is read.
 */
export const whileAnswerArrives = new Set<() => void>();
