/** The name of the connect button's popup window; a Shell return inside it relays its outcome to the opener. */
export const POPUP_WINDOW_NAME = 'hv-shell-popup';
