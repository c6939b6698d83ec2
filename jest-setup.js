// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';

// jsdom has no canvas; @grafana/ui's Combobox measures option text with one.
HTMLCanvasElement.prototype.getContext = function getContext() {
  return { measureText: (text) => ({ width: String(text).length * 7 }), font: '' };
};

// i18next (used by @grafana/i18n) prints a sponsor notice on every init unless told not to.
process.env.I18NEXT_NO_SUPPORT_NOTICE = '1';
