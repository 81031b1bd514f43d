package vn.vneidbridge.sandbox.vneid.qr;

/** Where a stored QR login session is; "expired" and "used" are the absence of a usable one. */
enum QrLoginState {
    PENDING, CONFIRMED, REFUSED
}
