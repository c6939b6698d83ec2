export interface OnCallStatusOptions {
  /** Show the contact (phone, email, handle) under each name. */
  showContact: boolean;
}

export interface OnCallShift {
  layer: string;
  name: string;
  contact?: string;
  shiftStart?: number;
  shiftEnd?: number;
}
