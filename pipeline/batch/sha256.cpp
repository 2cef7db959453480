#include "batch/sha256.h"

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

namespace saraban::batch {

namespace {

struct ContextDeleter {
    void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using Context = std::unique_ptr<EVP_MD_CTX, ContextDeleter>;

std::string hex(const unsigned char* digest, unsigned size) {
    static const char digits[] = "0123456789abcdef";
    std::string out(size * 2, '0');
    for (unsigned i = 0; i < size; ++i) {
        out[2 * i] = digits[digest[i] >> 4];
        out[2 * i + 1] = digits[digest[i] & 15];
    }
    return out;
}

Context start() {
    Context c(EVP_MD_CTX_new());
    if (!c || EVP_DigestInit_ex(c.get(), EVP_sha256(), nullptr) != 1) return nullptr;
    return c;
}

std::string finish(EVP_MD_CTX* c) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned size = 0;
    if (EVP_DigestFinal_ex(c, digest, &size) != 1) return {};
    return hex(digest, size);
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    Context c = start();
    if (!c || EVP_DigestUpdate(c.get(), bytes.data(), bytes.size()) != 1) return {};
    return finish(c.get());
}

std::string sha256_file(const std::string& path, std::string& error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        error = path + ": " + std::strerror(errno);
        return {};
    }
    Context c = start();
    if (!c) {
        ::close(fd);
        error = path + ": OpenSSL: cannot start SHA-256";
        return {};
    }
    unsigned char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            error = path + ": " + std::strerror(errno);
            ::close(fd);
            return {};
        }
        if (n == 0) break;
        EVP_DigestUpdate(c.get(), buf, std::size_t(n));
    }
    ::close(fd);
    return finish(c.get());
}

}  // namespace saraban::batch
