#ifndef CCURL_SHIM_H
#define CCURL_SHIM_H
/* libcurl, driven directly by pim's HTTP transport. curl_easy_setopt and curl_easy_getinfo are
   variadic, which Swift cannot call: each typed wrapper below passes exactly one value type. */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>

typedef size_t (*pim_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*pim_curl_progress_callback)(void *context, curl_off_t dltotal, curl_off_t dlnow,
                                          curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode pim_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode pim_curl_set_size(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode pim_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode pim_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode pim_curl_set_headers(CURL *handle, struct curl_slist *headers) {
    return curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
}
static inline CURLcode pim_curl_set_data_callback(CURL *handle, CURLoption option, pim_curl_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}
static inline CURLcode pim_curl_set_progress_callback(CURL *handle, pim_curl_progress_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}
static inline CURLcode pim_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}
static inline CURLcode pim_curl_get_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}
/* The result code of a finished transfer (a union member in CURLMsg). */
static inline CURLcode pim_curl_message_result(const CURLMsg *message) { return message->data.result; }
static inline int pim_curl_message_is_done(const CURLMsg *message) { return message->msg == CURLMSG_DONE; }
static inline long pim_curl_global_default(void) { return CURL_GLOBAL_DEFAULT; }

#endif
