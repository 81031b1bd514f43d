package vn.vneidbridge.cccd.registry;

/** A piece of declared data that the population database can confirm or contradict. */
public enum RegistryField {
    ID_NUMBER,
    FULL_NAME,
    BIRTH_DATE,
    CMND,
    GENDER
}
