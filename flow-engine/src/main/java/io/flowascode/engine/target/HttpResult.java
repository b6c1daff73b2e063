package io.flowascode.engine.target;

import okhttp3.Headers;

/** A complete HTTP answer, its body already read. */
record HttpResult(int status, Headers headers, String body) {
  boolean isSuccessful() {
    return status >= 200 && status < 300;
  }
}
