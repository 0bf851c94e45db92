import type { HvStrings } from './en.js';

/** Spanish, loaded on first use. */
export const strings: HvStrings = {
  connect: 'Conectar con HealthVault',
  opening: 'Abriendo HealthVault…',
  connecting: 'Conectando con HealthVault…',
  connectedAs: (name) => `Conectado a HealthVault como ${name}`,
  declined: 'No se concedió el acceso a HealthVault.',
  popupClosed: 'Se cerró HealthVault antes de terminar.',
  setupError: 'HealthVault no está bien configurado en esta página.',
  errors: {
    'invalid-config': 'HealthVault no está bien configurado en esta página.',
    'invalid-shell-request': 'HealthVault no está bien configurado en esta página.',
    'invalid-shell-return': 'HealthVault devolvió algo que esta página no puede usar. Inténtelo de nuevo.',
    'invalid-state': 'Este inicio de sesión no empezó en esta página o ha caducado. Vuelva a conectar.',
    'signed-out': 'No ha iniciado sesión en HealthVault.',
    network: 'No se puede contactar con HealthVault ahora. Compruebe su conexión e inténtelo de nuevo.',
    http: 'No se puede contactar con HealthVault ahora. Inténtelo más tarde.',
    timeout: 'HealthVault tarda demasiado en responder. Inténtelo de nuevo.',
    aborted: 'Se canceló la solicitud.',
    'malformed-response': 'HealthVault envió una respuesta que esta página no puede leer. Inténtelo más tarde.',
    platform: 'HealthVault no pudo completar la solicitud.',
  },
};
